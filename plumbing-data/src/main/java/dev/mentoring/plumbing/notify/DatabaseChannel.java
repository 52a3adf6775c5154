package dev.mentoring.plumbing.notify;

import io.quarkus.logging.Log;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Listens on one PostgreSQL notification channel (LISTEN), on a connection of the pool held for it. PostgreSQL delivers
 * a notification when the transaction that sent it commits, to every listening instance. When the connection is lost,
 * the listener is told ({@link Listener#lost()}: what it knew from notifications may be stale now) and the channel is
 * listened to again after the retry time; once listening again, {@link Listener#listening()} is called.
 */
public final class DatabaseChannel {

    /** What a channel's listener is told. */
    public interface Listener {
        /** A notification's payload ({@code pg_notify(channel, payload)}). */
        void notified(String payload);

        /** The channel is listened to (again): notifications from now on arrive. */
        void listening();

        /** The listening connection was lost: notifications sent meanwhile are not heard. */
        void lost();
    }

    private final Pool pool;
    private final Vertx vertx;
    private final String channel;
    private final long retryMillis;
    private final Listener listener;
    private volatile SqlConnection connection;
    private volatile boolean stopped;

    public DatabaseChannel(Pool pool, Vertx vertx, String channel, long retryMillis, Listener listener) {
        if (!channel.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a channel is named in lower case letters and underscores: " + channel);
        }
        this.pool = pool;
        this.vertx = vertx;
        this.channel = channel;
        this.retryMillis = retryMillis;
        this.listener = listener;
    }

    /** Starts listening (asynchronously). */
    public void start() {
        listen();
    }

    /** Stops listening and gives the connection back. */
    public void stop() {
        stopped = true;
        SqlConnection held = connection;
        if (held != null) {
            held.closeAndForget();
        }
    }

    /** Whether a connection is listening now. */
    public boolean listening() {
        return connection != null;
    }

    private void listen() {
        if (stopped) {
            return;
        }
        pool.getConnection().subscribe().with(held -> {
            PgConnection pg = PgConnection.cast(held);
            pg.notificationHandler(notification -> listener.notified(notification.getPayload()));
            pg.closeHandler(() -> {
                connection = null;
                listener.lost();
                if (!stopped) {
                    Log.warnf("The connection listening on %s closed; listening again in %d ms", channel, retryMillis);
                    later();
                }
            });
            held.query("listen " + channel).execute().subscribe().with(ignored -> {
                connection = held;
                listener.listening();
            }, failure -> {
                Log.warnf("Could not listen on %s, trying again in %d ms: %s", channel, retryMillis, failure.getMessage());
                held.closeAndForget();
            });
        }, failure -> {
            Log.warnf("Could not listen on %s, trying again in %d ms: %s", channel, retryMillis, failure.getMessage());
            later();
        });
    }

    private void later() {
        if (!stopped) {
            vertx.setTimer(retryMillis, id -> listen());
        }
    }
}
