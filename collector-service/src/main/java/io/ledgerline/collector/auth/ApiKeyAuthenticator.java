package io.ledgerline.collector.auth;

import io.ledgerline.collector.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Finds the project of an ingest request from its API key: {@code Authorization: Bearer <key>} or
 * {@code x-ledgerline-api-key: <key>} (OTLP exporters set arbitrary headers more easily than a bearer).
 */
@ApplicationScoped
public class ApiKeyAuthenticator {
    private final ProjectKeyRepository keys;

    public ApiKeyAuthenticator(ProjectKeyRepository keys) {
        this.keys = keys;
    }

    public Uni<ProjectRef> authenticate(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && headers.getHeaderString("x-ledgerline-api-key") == null) {
            String scheme = authorization.trim().split("\\s+", 2)[0];
            return Uni.createFrom().failure(new ProblemException(Response.Status.UNAUTHORIZED, "the Authorization "
                    + "scheme '" + scheme + "' is not accepted: send the project's API key as 'Authorization: Bearer "
                    + "<key>' or 'x-ledgerline-api-key: <key>'"));
        }
        String key = presentedKey(headers);
        if (key == null) {
            return Uni.createFrom().failure(new ProblemException(Response.Status.UNAUTHORIZED,
                    "missing API key: send the project's key as 'Authorization: Bearer <key>'"));
        }
        return keys.findByHash(ApiKeyHash.of(key)).onItem().ifNull().failWith(() -> new ProblemException(
                Response.Status.UNAUTHORIZED, "unknown API key: no project has this key"));
    }

    private static String presentedKey(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        String header = headers.getHeaderString("x-ledgerline-api-key");
        return header == null || header.isBlank() ? null : header.trim();
    }
}
