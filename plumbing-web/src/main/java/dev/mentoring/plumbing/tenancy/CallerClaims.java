package dev.mentoring.plumbing.tenancy;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * What {@link Caller} answers, taken from the validated token once, when a request reaches the REST layer
 * ({@link CallerClaimsFilter}), and kept in the request's Vert.x context: the same context every continuation of the
 * request runs on (Hibernate Reactive keeps its session there too). A request-scoped bean may be gone in a continuation
 * (a fresh request context holds no token: valid tokens were answered 401 now and then under load); this is not.
 *
 * @param employeeId null for a machine client
 * @param client the {@code azp} claim, or null
 */
public record CallerClaims(String tenant, String subject, String employeeId, String client, Set<String> roles) {

    private static final String LOCAL = CallerClaims.class.getName();

    public CallerClaims {
        roles = Set.copyOf(roles);
    }

    /** The claims of a validated token with a tenant, and the roles of its identity. */
    static CallerClaims of(JsonWebToken token, Set<String> roles) {
        return new CallerClaims(TokenClaims.text(token, TokenClaims.TENANT).orElseThrow(), token.getSubject(),
                TokenClaims.text(token, TokenClaims.EMPLOYEE_ID).orElse(null),
                TokenClaims.text(token, TokenClaims.AUTHORIZED_PARTY).orElse(null), roles);
    }

    /** Keeps these as the current request's caller (on the request's duplicated Vert.x context; elsewhere nothing). */
    public void keepForThisRequest() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(LOCAL, this);
        }
    }

    /** The current request's caller as kept, or null (not in a request, or no token with a tenant). */
    public static CallerClaims ofThisRequest() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.<CallerClaims> get(LOCAL).orElse(null) : null;
    }
}
