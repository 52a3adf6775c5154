package dev.mentoring.plumbing.tenancy;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Takes the caller's claims from the validated token as a request reaches the REST layer, before any use case runs,
 * and keeps them in the request's Vert.x context ({@link CallerClaims}), where {@link Caller} reads them. A request
 * without a valid token with a tenant keeps nothing: the security checks answer it (401), as before.
 */
public class CallerClaimsFilter {

    private final CurrentIdentityAssociation identity;

    CallerClaimsFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> take() {
        return identity.getDeferredIdentity().invoke(who -> {
            if (!who.isAnonymous() && who.getPrincipal() instanceof JsonWebToken token && TokenClaims.hasTenant(token)) {
                CallerClaims.of(token, who.getRoles()).keepForThisRequest();
            }
        }).onFailure().recoverWithNull().replaceWithVoid(); // a refused token: the security checks answer it
    }
}
