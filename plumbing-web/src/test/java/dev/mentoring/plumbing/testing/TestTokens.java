package dev.mentoring.plumbing.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed bearer tokens for the services' own tests, accepted by the WireMock OIDC server of
 * quarkus-test-oidc-server (its key "1"): real signature, issuer, audience and expiry checks run.
 * Tests through the gateway use real Keycloak tokens instead (e2e module).
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "mentoring-api";

    private final JwtClaimsBuilder claims;

    private TestTokens(JwtClaimsBuilder claims) {
        this.claims = claims;
    }

    /** A person of {@code tenant} with an employee id and realm roles; a fresh subject each time. */
    public static TestTokens person(String tenant, String employeeId, String... roles) {
        return new TestTokens(Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("subject-" + tenant + "-" + employeeId)
                .claim("tenant", tenant)
                .claim("employee_id", employeeId)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresIn(300));
    }

    /** A machine client (client credentials) of {@code tenant}: no employee id. */
    public static TestTokens machine(String tenant, String... roles) {
        return new TestTokens(Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("service-account-" + UUID.randomUUID())
                .claim("tenant", tenant)
                .claim("azp", "hr-" + tenant)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresIn(300));
    }

    public TestTokens without(String claim) {
        claims.remove(claim);
        return this;
    }

    public TestTokens claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    public TestTokens expiredSince(long seconds) {
        claims.issuedAt(Instant.now().minusSeconds(seconds + 600)).expiresAt(Instant.now().minusSeconds(seconds));
        return this;
    }

    public String sign() {
        return claims.jws().keyId("1").sign("privateKey.jwk");
    }

    /** The Authorization header value. */
    public String bearer() {
        return "Bearer " + sign();
    }
}
