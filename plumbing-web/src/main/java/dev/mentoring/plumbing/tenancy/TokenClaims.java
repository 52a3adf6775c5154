package dev.mentoring.plumbing.tenancy;

import java.util.Optional;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

/** Reading the platform's own claims from a validated token, the one way the services and the gateway do it. */
public final class TokenClaims {

    /** Token claim that carries the tenant. */
    public static final String TENANT = "tenant";
    /** Token claim that carries the HR employee id of a person (absent for machine clients). */
    public static final String EMPLOYEE_ID = "employee_id";
    /** Token claim that names the OAuth client the token was issued to. */
    public static final String AUTHORIZED_PARTY = "azp";

    private TokenClaims() {
    }

    /**
     * A claim as non-blank text, whether the token library hands it over as a String or a JSON string. A token that
     * quarkus-oidc verified is read from its claims set: {@link JsonWebToken#getClaim} first looks the name up among the
     * standard claims and, for a name of our own such as {@code tenant}, builds and throws an exception with its stack
     * trace before it answers (asked several times a request, a fifth of a read's CPU).
     */
    public static Optional<String> text(JsonWebToken token, String name) {
        Object value = token instanceof OidcJwtCallerPrincipal verified ? verified.getClaims().getClaimValue(name) : token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** Every record belongs to a tenant: a token without a tenant claim has nothing it may see. */
    public static boolean hasTenant(JsonWebToken token) {
        return text(token, TENANT).isPresent();
    }
}
