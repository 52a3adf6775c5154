package dev.mentoring.plumbing.tenancy;

import java.time.Duration;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.lang.UnresolvableKeyException;

import dev.mentoring.plumbing.problem.Causes;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer authentication that verifies each token once: OIDC verifies a token the first time it is presented (issuer,
 * signature, expiry, audience, then {@link TenantClaimRequired}), and the identity it gave is remembered
 * ({@link VerifiedTokenCache}: by the whole token, until it expires or {@code mentoring.token-cache.max-age}, at most
 * {@code mentoring.token-cache.max-tokens}). A refused token is never remembered, so it is verified (and refused) every
 * time. The one HTTP authentication mechanism of every service and the gateway (it replaces OIDC's, which it calls).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokenCache<SecurityIdentity> identities;

    @Inject
    CachedBearerAuthentication(OidcAuthenticationMechanism oidc,
            @ConfigProperty(name = "mentoring.token-cache.max-tokens", defaultValue = "10000") int maxTokens,
            @ConfigProperty(name = "mentoring.token-cache.max-age", defaultValue = "5m") Duration maxAge,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "0") int graceSeconds) {
        this.oidc = oidc;
        this.identities = new VerifiedTokenCache<>(maxTokens, maxAge, Duration.ofSeconds(graceSeconds), System::currentTimeMillis);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = VerifiedTokenCache.bearer(context.request().getHeader("Authorization"));
        if (token != null) {
            SecurityIdentity known = identities.known(token);
            if (known != null) {
                // the identity carries the request it was made for: this one
                return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(RoutingContext.class.getName(), context).build());
            }
        }
        return verified(context, identityProviderManager, 1).invoke(identity -> {
            if (token != null && identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
                identities.verified(token, jwt.getExpirationTime(), identity);
            }
        }).onFailure().invoke(failure -> TokenRefusals.note(context.request().path(), failure));
    }

    /**
     * OIDC's verification, asked again while the token's signing key is unknown to it, at most {@link #KEY_ATTEMPTS} times
     * {@link #KEY_WAIT} apart. After Keycloak rotates its key, the first token with the new key id makes OIDC fetch the
     * keys again; the other requests that arrive with such a token while that fetch is under way (or within
     * {@code quarkus.oidc.token.forced-jwk-refresh-interval} of it) are refused at once with an unresolvable key, although
     * the keys being fetched hold theirs: asked again a moment later, they pass. A token whose key id nobody publishes is
     * refused at the last attempt, about a second later than at the first.
     */
    private Uni<SecurityIdentity> verified(RoutingContext context, IdentityProviderManager identityProviderManager, int attempt) {
        Uni<SecurityIdentity> verified = oidc.authenticate(context, identityProviderManager);
        if (attempt >= KEY_ATTEMPTS) {
            return verified;
        }
        // the next attempt on the request's own (duplicated) context, as the first one
        Context request = Vertx.currentContext();
        return verified.onFailure(CachedBearerAuthentication::unresolvableKey).recoverWithUni(failure -> Uni.createFrom()
                .<Void> emitter(waited -> context.vertx().setTimer(KEY_WAIT.toMillis(), id -> {
                    if (request == null) {
                        waited.complete(null);
                    } else {
                        request.runOnContext(ignored -> waited.complete(null));
                    }
                }))
                .chain(() -> verified(context, identityProviderManager, attempt + 1)));
    }

    /** How many times a token with an unknown signing key is verified, {@link #KEY_WAIT} apart. */
    static final int KEY_ATTEMPTS = 5;
    static final Duration KEY_WAIT = Duration.ofMillis(250);

    /** Whether verification failed because no published key has the token's key id (yet). */
    static boolean unresolvableKey(Throwable failure) {
        return Causes.any(failure, UnresolvableKeyException.class);
    }

    /**
     * The identity the bearer token of an {@code Authorization} header was verified to, while it is remembered; null when
     * it must be verified (through {@link #authenticate}) or there is no bearer token. For a caller that needs the
     * identity before (or instead of) the deferred one, such as the gateway's proxy.
     */
    public SecurityIdentity known(String authorization) {
        String token = VerifiedTokenCache.bearer(authorization);
        return token == null ? null : identities.known(token);
    }

    /** How many tokens are remembered now. */
    public int size() {
        return identities.size();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return oidc.sendChallenge(context);
    }
}
