package dev.mentoring.plumbing.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Handles one received event again when it failed for a passing reason: the database unreachable or
 * restarting, a connection cut or reset (any I/O failure), a deadlock or a serialization failure, a lock or a pool that timed out. Tried again with backoff
 * (200 ms doubling to 5 s, 8 times: about half a minute) before the channel's failure strategy, the
 * dead-letter topic, takes it; an event that cannot be read or applied (anything else) goes there at once.
 * The partition waits meanwhile, so one partnership's events keep their order, and each try is a transaction
 * of its own (the inbox makes a try that did commit count once).
 */
public final class Redelivery {

    static final int TRIES = 8;

    private Redelivery() {
    }

    /** The handling, made anew for each try. */
    public static Uni<Void> handle(ReceivedEvent event, Supplier<Uni<? extends Void>> handling) {
        return Uni.createFrom().<Void>deferred(handling)
                .onFailure(Redelivery::passing).invoke(failure -> Log.warnf("event %s (%s) not handled yet, trying again: %s",
                        event.id(), event.type(), failure.getMessage()))
                .onFailure(Redelivery::passing).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(TRIES);
    }

    /** Whether a failure may pass by itself (worth trying again), as opposed to one the event causes. */
    static boolean passing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                return false; // unreadable, another tenant's, not applicable: the event's own fault
            }
            if (t instanceof PgException pg) {
                String state = pg.getSqlState() == null ? "" : pg.getSqlState();
                // FATAL: the connection itself was refused or ended (the database away, starting, not accepting
                // connections); 08 connection, 40 serialization/deadlock, 53 resources, 57P shutdown, 55P03 lock
                return "FATAL".equals(pg.getSeverity()) || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P") || state.equals("55P03");
            }
            if (t instanceof IOException || t instanceof TimeoutException || t instanceof ClosedConnectionException
                    || (t instanceof VertxException && String.valueOf(t.getMessage()).toLowerCase().contains("closed"))) {
                return true;
            }
        }
        return false;
    }
}
