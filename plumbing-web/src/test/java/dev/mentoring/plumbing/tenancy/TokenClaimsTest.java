package dev.mentoring.plumbing.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/**
 * A token quarkus-oidc verified is read from its claims set rather than through {@code JsonWebToken.getClaim}: the
 * answers must be the same as the library's own, for the platform's claims and for every shape a claim can take.
 */
class TokenClaimsTest {

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-1");
        claims.setClaim("azp", "hr-acme");
        claims.setClaim(TokenClaims.TENANT, "acme");
        claims.setClaim(TokenClaims.EMPLOYEE_ID, "E-1001");
        claims.setClaim("blank", "  ");
        claims.setClaim("level", 3);
        claims.setStringListClaim("groups", List.of("a", "b"));
        return claims;
    }

    @Test
    void aVerifiedTokenAnswersAsTheLibraryDoes() {
        OidcJwtCallerPrincipal verified = new OidcJwtCallerPrincipal(claims(), new AccessTokenCredential("token"));
        DefaultJWTCallerPrincipal library = new DefaultJWTCallerPrincipal(claims());
        for (String name : List.of(TokenClaims.TENANT, TokenClaims.EMPLOYEE_ID, TokenClaims.AUTHORIZED_PARTY, "sub", "blank",
                "level", "missing")) {
            assertEquals(TokenClaims.text(library, name), TokenClaims.text(verified, name), name);
        }
    }

    @Test
    void thePlatformsClaimsAsText() {
        OidcJwtCallerPrincipal verified = new OidcJwtCallerPrincipal(claims(), new AccessTokenCredential("token"));
        assertEquals(Optional.of("acme"), TokenClaims.text(verified, TokenClaims.TENANT));
        assertEquals(Optional.of("E-1001"), TokenClaims.text(verified, TokenClaims.EMPLOYEE_ID));
        assertEquals(Optional.of("hr-acme"), TokenClaims.text(verified, TokenClaims.AUTHORIZED_PARTY));
        assertEquals(Optional.empty(), TokenClaims.text(verified, "blank"));
        assertEquals(Optional.empty(), TokenClaims.text(verified, "missing"));
        assertEquals(true, TokenClaims.hasTenant(verified));
    }
}
