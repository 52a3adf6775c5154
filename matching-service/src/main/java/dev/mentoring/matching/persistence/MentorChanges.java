package dev.mentoring.matching.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import dev.mentoring.plumbing.notify.DatabaseChannel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Tells this instance when a tenant's participants change, wherever the change was committed (this instance or another
 * replica): the trigger of migration V1_6 notifies the channel {@value #CHANNEL} with the tenant, and this fires
 * {@link Changed}. While the listening connection is away nothing can be trusted to be current: {@link Unheard} is fired
 * when it is lost, and {@link Heard} when it listens again.
 */
@ApplicationScoped
public class MentorChanges {

    static final String CHANNEL = "mentor_pool";

    /** The participants of a tenant changed. */
    public record Changed(String tenant) {
    }

    /** Changes may go unheard from now on (the listening connection was lost). */
    public record Unheard() {
    }

    /** Changes are heard from now on. */
    public record Heard() {
    }

    private final DatabaseChannel channel;

    MentorChanges(Pool pool, Vertx vertx, Event<Changed> changed, Event<Unheard> unheard, Event<Heard> heard) {
        this.channel = new DatabaseChannel(pool, vertx, CHANNEL, 2000, new DatabaseChannel.Listener() {
            @Override
            public void notified(String tenant) {
                changed.fire(new Changed(tenant));
            }

            @Override
            public void listening() {
                heard.fire(new Heard());
            }

            @Override
            public void lost() {
                unheard.fire(new Unheard());
            }
        });
    }

    void start(@Observes StartupEvent started) {
        channel.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        channel.stop();
    }

    /** Whether changes are heard now. */
    public boolean listening() {
        return channel.listening();
    }
}
