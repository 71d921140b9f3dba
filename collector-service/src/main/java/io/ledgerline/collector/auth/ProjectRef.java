package io.ledgerline.collector.auth;

/** The tenant and project an ingest request belongs to, as established by its API key. */
public record ProjectRef(String tenantId, String projectId) {
}
