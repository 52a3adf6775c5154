package dev.mentoring.gateway;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Every record belongs to a tenant: a token without a {@code tenant} claim is refused at the door. */
final class TenantClaim {

    private TenantClaim() {
    }

    static boolean present(JsonWebToken token) {
        return !text(token, "tenant").isBlank();
    }

    /** A claim as text, empty when absent. */
    static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value == null ? "" : value.toString();
    }
}
