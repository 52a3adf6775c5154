package dev.mentoring.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * For the gateway's tests: the verification of a token carrying the claim {@value #CLAIM} breaks (as a key fetch or a
 * provider that cannot answer would) instead of judging it, so that the tests see what such a token is answered.
 */
@ApplicationScoped
public class BrokenVerification implements SecurityIdentityAugmentor {

    static final String CLAIM = "test-verification-breaks";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.containsClaim(CLAIM)) {
            return Uni.createFrom().failure(new IllegalStateException("the verification broke"));
        }
        return Uni.createFrom().item(identity);
    }
}
