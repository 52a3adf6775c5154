package dev.mentoring.plumbing.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Wakes the relay when outbox rows are committed: one connection of the pool listens on the channel
 * {@value #CHANNEL}, which a statement trigger on {@code outbox_event} notifies (migration V0_6); PostgreSQL delivers
 * the notification when the writing transaction commits, to every instance, and the instance holding the relay's lock
 * publishes the rows (each wake-up during a pass asks for one more pass, so a row committed while a pass ran is not left
 * for the poll). When the connection is lost it listens again after {@value #RETRY_MILLIS} ms, and passes once to catch
 * up; meanwhile the relay's poll ({@code mentoring.outbox.relay-interval}) publishes. Instances that do not relay
 * ({@code mentoring.outbox.relay-enabled=false}) do not listen.
 */
@ApplicationScoped
public class OutboxNotifications {

    static final String CHANNEL = "outbox_event";
    static final long RETRY_MILLIS = 2000;

    private final Pool pool;
    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final Vertx vertx;
    private volatile SqlConnection listening;
    private volatile boolean stopped;

    OutboxNotifications(Pool pool, OutboxRelay relay, OutboxConfig config, Vertx vertx) {
        this.pool = pool;
        this.relay = relay;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        if (config.relayEnabled()) {
            listen();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        SqlConnection connection = listening;
        if (connection != null) {
            connection.closeAndForget();
        }
    }

    /** Whether a connection is listening now. */
    public boolean listening() {
        return listening != null;
    }

    private void listen() {
        if (stopped) {
            return;
        }
        pool.getConnection().subscribe().with(connection -> {
            PgConnection pg = PgConnection.cast(connection);
            pg.notificationHandler(notification -> relay.wake());
            pg.closeHandler(() -> {
                listening = null;
                if (!stopped) {
                    Log.warnf("The outbox relay's listening connection closed; listening again in %d ms (the poll publishes meanwhile)",
                            RETRY_MILLIS);
                    later();
                }
            });
            connection.query("listen " + CHANNEL).execute().subscribe().with(ignored -> {
                listening = connection;
                relay.wake(); // rows committed while nobody listened
            }, failure -> {
                Log.warnf("The outbox relay could not listen for commits, trying again in %d ms: %s", RETRY_MILLIS, failure.getMessage());
                connection.closeAndForget();
            });
        }, failure -> {
            Log.warnf("The outbox relay could not listen for commits, trying again in %d ms: %s", RETRY_MILLIS, failure.getMessage());
            later();
        });
    }

    private void later() {
        if (!stopped) {
            vertx.setTimer(RETRY_MILLIS, id -> listen());
        }
    }
}
