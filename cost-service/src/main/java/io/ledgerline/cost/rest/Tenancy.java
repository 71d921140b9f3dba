package io.ledgerline.cost.rest;

import io.ledgerline.support.problem.InvalidFieldException;

/**
 * The caller's tenant. cost-service's REST API is internal: it listens on loopback by default and is meant to sit
 * behind the api-gateway, which authenticates people (OIDC) and passes the tenant from the token in this header.
 */
public final class Tenancy {
    public static final String HEADER = "Ledgerline-Tenant";

    private Tenancy() {
    }

    public static String require(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new InvalidFieldException(HEADER, "header is required: every query is answered for one tenant");
        }
        return tenant.trim();
    }
}
