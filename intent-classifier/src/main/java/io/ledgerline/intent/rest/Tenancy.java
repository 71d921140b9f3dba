package io.ledgerline.intent.rest;

import io.ledgerline.support.problem.InvalidFieldException;
import java.util.Optional;

/**
 * The caller's tenant. The REST API is internal: it is meant to sit behind the api-gateway, which authenticates
 * people (OIDC) and passes the tenant from the token in this header.
 */
public final class Tenancy {
    public static final String HEADER = "Ledgerline-Tenant";

    private Tenancy() {
    }

    public static String require(String tenant) {
        return optional(tenant).orElseThrow(() -> new InvalidFieldException(HEADER,
                "header is required: a tenant's labels are read and written for one tenant"));
    }

    public static Optional<String> optional(String tenant) {
        return tenant == null || tenant.isBlank() ? Optional.empty() : Optional.of(tenant.trim());
    }
}
