package dev.mentoring.plumbing.reactive;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Mutiny's callbacks run as they are, without MicroProfile Context Propagation's wrapping.
 *
 * <p>Quarkus registers SmallRye Context Propagation as a Mutiny callback decorator: every callback of every operator
 * (each {@code map}, {@code chain}, {@code invoke}) is wrapped when the pipeline is built and, when it runs, captures and
 * restores the CDI request context, the OpenTelemetry context and the JTA transaction through SmallRye's slow path (none
 * of those providers is a "fast" one). That was about a seventh of a read's CPU in matching-service (docs/operations.md,
 * Memory and start: "Mutiny's callbacks undecorated").
 *
 * <p>The platform does not need it: its reactive code runs on Vert.x duplicated contexts, one per request, event or job,
 * and that is where Quarkus keeps the request context (ArC's Vert.x context factory), the OpenTelemetry context (its
 * Vert.x context storage) and Hibernate Reactive's session. The database and HTTP clients answer on the context that
 * asked. Work sent elsewhere comes back to its context explicitly ({@code emitOn} onto the caller's context, Vert.x's
 * {@code executeBlocking}), and no code runs in a JTA transaction.
 *
 * <p>Cleared once the application has started; pipelines built before (the connectors' streams) keep their wrapping.
 * Only the decorators go: Mutiny's Uni and Multi interceptors (none registered today) are loaded again as they were.
 */
@Singleton
public class UndecoratedCallbacks {

    void clear(@Observes StartupEvent started) {
        Infrastructure.clearInterceptors();
        Infrastructure.reloadUniInterceptors();
        Infrastructure.reloadMultiInterceptors();
    }
}
