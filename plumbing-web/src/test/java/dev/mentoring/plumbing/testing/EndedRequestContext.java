package dev.mentoring.plumbing.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import dev.mentoring.plumbing.tenancy.CallerClaims;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a use case as a request would, on a request's own (duplicated) Vert.x context, and ends the request context as
 * soon as the use case has started (subscribed): what it does after its first query then runs without one. A use case
 * that reads the caller (or any request-scoped bean) from the request context after that point fails here, as it
 * would now and then in production, where a continuation may find its request context gone.
 */
public final class EndedRequestContext {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private EndedRequestContext() {
    }

    /** The use case's item, run by the holder of {@code token} (signed, as {@link TestTokens#sign()}) with these roles. */
    public static <T> T run(String token, Iterable<String> roles, Supplier<Uni<T>> useCase) {
        return onRequest(() -> {
            identify(token, roles);
            return useCase.get();
        });
    }

    /**
     * The use case's item, run with no identity in the request context at all: only the caller's claims kept in the
     * request's Vert.x context, as {@code CallerClaimsFilter} keeps them when a request reaches the REST layer.
     */
    public static <T> T runAs(CallerClaims claims, Supplier<Uni<T>> useCase) {
        return onRequest(() -> {
            claims.keepForThisRequest();
            return useCase.get();
        });
    }

    /** What a request filter keeps as the caller ({@link CallerClaims#ofThisRequest()}) for the holder of {@code token}. */
    public static CallerClaims keptBy(Supplier<Uni<Void>> filter, String token, Iterable<String> roles) {
        return onRequest(() -> {
            identify(token, roles);
            return filter.get().map(ignored -> CallerClaims.ofThisRequest());
        });
    }

    /** The identity quarkus-oidc makes of a verified bearer token: the token's claims as principal, and the token. */
    private static void identify(String token, Iterable<String> roles) {
        AccessTokenCredential credential = new AccessTokenCredential(token);
        JwtClaims claims;
        try {
            claims = new JwtConsumerBuilder().setSkipSignatureVerification().setSkipAllValidators().build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new IllegalArgumentException(e);
        }
        claims.setClaim(Claims.raw_token.name(), token);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, credential))
                .addCredential(credential);
        roles.forEach(identity::addRole);
        Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity.build());
    }

    private static <T> T onRequest(Supplier<Uni<T>> started) {
        Context context = VertxContext.createNewDuplicatedContext(Arc.container().instance(Vertx.class).get().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            ManagedContext requests = Arc.container().requestContext();
            requests.activate();
            try {
                started.get().subscribe().with(result::complete, result::completeExceptionally);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                requests.terminate();
            }
        });
        try {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the use case did not end within " + WAIT, e);
        }
    }

    /** A person's claims as the filter keeps them. */
    public static CallerClaims person(String tenant, String employeeId, String... roles) {
        return new CallerClaims(tenant, "subject-" + tenant + "-" + employeeId, employeeId, null, java.util.Set.copyOf(List.of(roles)));
    }
}
