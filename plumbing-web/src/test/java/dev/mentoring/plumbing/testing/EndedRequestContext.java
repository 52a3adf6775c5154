package dev.mentoring.plumbing.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Runs a use case as a request would, with the caller's token in a request context, and ends that request context as
 * soon as the use case has started (subscribed): what it does after its first query then runs without one. A use case
 * that reads the caller (or any request-scoped bean) after that point fails here, as it would now and then in
 * production, where a continuation may find its request context gone.
 */
public final class EndedRequestContext {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private EndedRequestContext() {
    }

    /** The use case's item, run by the holder of {@code token} (signed, as {@link TestTokens#sign()}) with these roles. */
    public static <T> T run(String token, Iterable<String> roles, Supplier<Uni<T>> useCase) {
        Context context = VertxContext.createNewDuplicatedContext(Arc.container().instance(Vertx.class).get().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        CompletableFuture<T> result = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            ManagedContext requests = Arc.container().requestContext();
            requests.activate();
            try {
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("caller"))
                        .addCredential(new AccessTokenCredential(token));
                roles.forEach(identity::addRole);
                Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity.build());
                useCase.get().subscribe().with(result::complete, result::completeExceptionally);
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
}
