package dev.mentoring.plumbing.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.mentoring.plumbing.availability.DatabaseAway;
import dev.mentoring.plumbing.problem.Causes;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * Handles one received event again when it failed for a passing reason: the database unreachable or
 * restarting, a connection cut or reset (any I/O failure), a deadlock or a serialization failure, a lock or a pool that
 * timed out. Tried again with backoff (200 ms doubling to 5 s) for up to {@link #FOR} before the channel's failure
 * strategy, the dead-letter topic, takes it: a database away for half a minute (the load-and-faults run's PostgreSQL
 * stopped for 30 s, which dead-lettered events when this was about 30 s) leaves no dead letter. The services' consumers
 * call a channel stuck (liveness) only when a record waits 5 minutes ({@code throttled.unprocessed-record-max-age.ms}),
 * not the connector's 60 s, which a record queued behind one being tried again would pass in a database outage of
 * about a minute. An event that cannot be read or applied (anything else) goes there at once.
 * The partition waits meanwhile, so one partnership's events keep their order, and each try is a transaction
 * of its own (the inbox makes a try that did commit count once).
 * <p>
 * <b>An instance that is stopping</b> (a rolling update, a scale-down: {@link InstanceShutdown}) finishes no event it
 * has not finished: one it is handling or about to handle, and one whose handling failed meanwhile (its database pool
 * closes under it), is neither acknowledged nor dead-lettered. Its offset is not committed, so the partition's next
 * owner, after the rebalance, handles it from there (the inbox drops what this instance did commit). Dead-lettering it
 * would lose the event for this service although another replica could handle it.
 */
public final class Redelivery {

    /** How long a passing failure is tried again (the last try may end a try's length later). */
    static final Duration FOR = Duration.ofSeconds(50);

    /** Whether this instance has begun to stop. */
    private static volatile boolean stopping;

    private Redelivery() {
    }

    /** The handling, made anew for each try. */
    public static Uni<Void> handle(ReceivedEvent event, Supplier<Uni<? extends Void>> handling) {
        return handle(event, handling, FOR);
    }

    static Uni<Void> handle(ReceivedEvent event, Supplier<Uni<? extends Void>> handling, Duration triedFor) {
        if (stopping) {
            return leftToTheNextOwner(event);
        }
        return Uni.createFrom().deferred(() -> {
            // tried again while the failure may pass, until its time is up; then the failure itself goes on (its reason
            // is the dead letter's)
            long until = System.nanoTime() + triedFor.toNanos();
            // a record on its way from another topic is waited for longer: five times as long (250 s), still under the
            // 5 minutes after which liveness calls the channel stuck
            long untilKnown = System.nanoTime() + triedFor.multipliedBy(5).toNanos();
            Predicate<Throwable> again = failure -> !stopping && passing(failure)
                    && System.nanoTime() - (notYetKnown(failure) ? untilKnown : until) < 0;
            return Uni.createFrom().<Void>deferred(handling)
                    .onFailure(again).invoke(failure -> Log.warnf("event %s (%s) not handled yet, trying again: %s",
                            event.id(), event.type(), failure.getMessage()))
                    .onFailure(again).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(Long.MAX_VALUE)
                    .onFailure(failure -> stopping).recoverWithUni(() -> leftToTheNextOwner(event));
        });
    }

    /** From now on this instance leaves what it has not finished to the partitions' next owners. */
    static void instanceStopping(boolean value) {
        stopping = value;
    }

    /** Never completes: the event is neither acknowledged nor dead-lettered, and its partition waits for its next owner. */
    private static Uni<Void> leftToTheNextOwner(ReceivedEvent event) {
        Log.infof("event %s (%s) left to its partition's next owner: this instance is stopping", event.id(), event.type());
        return Uni.createFrom().nothing();
    }

    private static boolean notYetKnown(Throwable failure) {
        return Causes.any(failure, NotYetKnown.class);
    }

    /** Whether a failure may pass by itself (worth trying again), as opposed to one the event causes. */
    static boolean passing(Throwable failure) {
        return Causes.of(failure).stream().map(Redelivery::verdict).flatMap(Optional::stream).findFirst().orElse(false);
    }

    /** What this one failure (not its causes) says: it may pass, it is the event's own, or nothing (its causes tell). */
    private static Optional<Boolean> verdict(Throwable t) {
        if (t instanceof NotYetKnown) {
            return Optional.of(true); // a record from another topic, on its way
        }
        if (t instanceof IllegalArgumentException) {
            return Optional.of(false); // unreadable, another tenant's, not applicable: the event's own fault
        }
        if (t instanceof PgException pg) {
            // besides the database away: 40 serialization/deadlock, 55P03 lock not available
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            return Optional.of(DatabaseAway.cannotServe(pg) || state.startsWith("40") || state.equals("55P03"));
        }
        if (DatabaseAway.cannotServe(t) || t instanceof IOException || t instanceof TimeoutException) {
            return Optional.of(true);
        }
        return Optional.empty();
    }
}
