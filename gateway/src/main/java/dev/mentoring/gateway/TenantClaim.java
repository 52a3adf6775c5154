package dev.mentoring.gateway;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Every record belongs to a tenant: a token without a {@code tenant} claim is refused at the door. */
final class TenantClaim {

    private TenantClaim() {
    }

    static boolean present(JsonWebToken token) {
        Object value = token.getClaim("tenant");
        String text = value instanceof JsonString json ? json.getString() : value == null ? "" : value.toString();
        return !text.isBlank();
    }
}
