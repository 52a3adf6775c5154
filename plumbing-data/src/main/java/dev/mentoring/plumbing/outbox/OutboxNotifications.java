package dev.mentoring.plumbing.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.plumbing.notify.DatabaseChannel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

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

    private final OutboxConfig config;
    private final DatabaseChannel channel;

    OutboxNotifications(Pool pool, OutboxRelay relay, OutboxConfig config, Vertx vertx) {
        this.config = config;
        this.channel = new DatabaseChannel(pool, vertx, CHANNEL, RETRY_MILLIS, new DatabaseChannel.Listener() {
            @Override
            public void notified(String payload) {
                relay.wake();
            }

            @Override
            public void listening() {
                relay.wake(); // rows committed while nobody listened
            }

            @Override
            public void lost() {
                // the poll publishes until the channel is listened to again
            }
        });
    }

    void start(@Observes StartupEvent started) {
        if (config.relayEnabled()) {
            channel.start();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        channel.stop();
    }

    /** Whether a connection is listening now. */
    public boolean listening() {
        return channel.listening();
    }
}
