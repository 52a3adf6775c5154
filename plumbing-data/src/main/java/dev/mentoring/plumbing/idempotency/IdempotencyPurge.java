package dev.mentoring.plumbing.idempotency;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Forgets idempotency keys after their retention; safe on several instances (a plain delete). */
@ApplicationScoped
public class IdempotencyPurge {

    private final Pool pool;
    private final Duration retention;

    IdempotencyPurge(Pool pool, @ConfigProperty(name = "mentoring.idempotency.retention", defaultValue = "P1D") Duration retention) {
        this.pool = pool;
        this.retention = retention;
    }

    @Scheduled(identity = "idempotency-purge", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("delete from idempotent_request where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .replaceWithVoid();
    }
}
