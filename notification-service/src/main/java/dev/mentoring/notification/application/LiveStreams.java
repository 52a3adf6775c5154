package dev.mentoring.notification.application;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mentoring.notification.persistence.InboxReads;
import dev.mentoring.notification.persistence.InboxReads.NotificationRow;
import dev.mentoring.plumbing.notify.DatabaseChannel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The live streams this instance serves. Whichever instance writes a notification, PostgreSQL tells every instance
 * when it commits (channel {@value #CHANNEL}, the person's id: the notification table's insert trigger), and each stream
 * of that person reads what came after the last place it sent. A person's places commit in order (their counter,
 * see the migration), so a stream that sent place n has sent everything before it: a reconnect with
 * {@code Last-Event-ID: n} resumes without a gap or a repeat. While the listening connection is lost, streams are not
 * woken; once it listens again, every stream reads what it missed. Each stream also reads on its keep-alive tick, so a
 * connection that looks alive but hears nothing (half-open) delays a notification by one tick at most.
 * <p>
 * A stream reads only as much as its client asked for (the demand), one batch at a time: a slow client or a resume
 * from an old place never puts a whole inbox on the heap. Streams end when the instance begins to stop.
 */
@ApplicationScoped
public class LiveStreams {

    static final String CHANNEL = "notification_added";
    static final long RETRY_MILLIS = 2000;
    /** How many notifications one read sends at most; a stream with more to send (and demand) reads again. */
    static final int BATCH = 100;

    private final InboxReads reads;
    private final Vertx vertx;
    private final long keepAliveMillis;
    private final DatabaseChannel channel;
    private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();

    LiveStreams(InboxReads reads, Pool pool, Vertx vertx, @ConfigProperty(name = "mentoring.notifications.keep-alive") Duration keepAlive) {
        this.reads = reads;
        this.vertx = vertx;
        this.keepAliveMillis = keepAlive.toMillis();
        this.channel = new DatabaseChannel(pool, vertx, CHANNEL, RETRY_MILLIS, new DatabaseChannel.Listener() {
            @Override
            public void notified(String payload) {
                try {
                    wake(UUID.fromString(payload));
                } catch (IllegalArgumentException e) {
                    Log.warnf("A notification on %s that names no person: %s", CHANNEL, payload);
                }
            }

            @Override
            public void listening() {
                followers.values().forEach(set -> set.forEach(Follower::read)); // what was committed while nobody listened
            }

            @Override
            public void lost() {
                // woken again once listening, and by each stream's tick meanwhile
            }
        });
    }

    void start(@Observes StartupEvent started) {
        channel.start();
    }

    /** The instance begins to stop (before the HTTP server waits for open requests): every stream ends, so clients reconnect elsewhere. */
    void stopping(@Observes ShutdownDelayInitiatedEvent stopping) {
        endAll();
    }

    void stop(@Observes ShutdownEvent stopping) {
        channel.stop();
        endAll();
    }

    private void endAll() {
        followers.values().forEach(set -> set.forEach(Follower::end));
    }

    /**
     * The person's notifications as they commit, after place {@code after}; an empty item is a keep-alive tick. Ends when
     * the subscriber cancels (the client went away) or the instance stops.
     */
    Multi<Optional<NotificationRow>> follow(String tenant, UUID person, long after) {
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(tenant, person, emitter, after);
            followers.compute(person, (id, set) -> {
                Set<Follower> kept = set == null ? ConcurrentHashMap.newKeySet() : set;
                kept.add(follower);
                return kept;
            });
            long ticks = vertx.setPeriodic(keepAliveMillis, id -> follower.tick());
            emitter.onTermination(() -> {
                vertx.cancelTimer(ticks);
                followers.computeIfPresent(person, (id, set) -> {
                    set.remove(follower);
                    return set.isEmpty() ? null : set;
                });
            });
            emitter.onRequest(demand -> follower.requested());
            follower.read();
        });
    }

    private void wake(UUID person) {
        Set<Follower> set = followers.get(person);
        if (set != null) {
            set.forEach(Follower::read);
        }
    }

    /**
     * One stream: reads a batch of what came after its place when it has nothing left to send, one read at a time (a
     * wake-up during a read asks for one more), and sends it as the client asks for more (at most a batch held here).
     */
    private final class Follower {

        private final String tenant;
        private final UUID person;
        private final MultiEmitter<? super Optional<NotificationRow>> emitter;
        private final ArrayDeque<NotificationRow> pending = new ArrayDeque<>();
        private long place;
        private boolean reading;
        private boolean again;

        Follower(String tenant, UUID person, MultiEmitter<? super Optional<NotificationRow>> emitter, long after) {
            this.tenant = tenant;
            this.person = person;
            this.emitter = emitter;
            this.place = after;
        }

        /** The keep-alive: an empty item when the client can take one, and a read (a notification never heard of arrives now). */
        void tick() {
            synchronized (this) {
                if (!emitter.isCancelled() && emitter.requested() > 0 && pending.isEmpty()) {
                    emitter.emit(Optional.empty());
                }
            }
            read();
        }

        void end() {
            emitter.complete();
        }

        /** The client asked for more: what is held goes, and a read put off until then runs. */
        void requested() {
            boolean putOff;
            synchronized (this) {
                drain();
                putOff = again && !reading && pending.isEmpty();
            }
            if (putOff) {
                read();
            }
        }

        /** Sends what is held, as far as the client asked for it. */
        private void drain() {
            while (!pending.isEmpty() && emitter.requested() > 0 && !emitter.isCancelled()) {
                emitter.emit(Optional.of(pending.poll()));
            }
        }

        void read() {
            long from;
            synchronized (this) {
                if (emitter.isCancelled()) {
                    return;
                }
                drain();
                if (reading || !pending.isEmpty()) {
                    again = true; // read once the read in flight ends, or once the client took what is held
                    return;
                }
                reading = true;
                again = false;
                from = place;
            }
            reads.after(tenant, person, from, BATCH).subscribe().with(rows -> {
                boolean more;
                synchronized (this) {
                    pending.addAll(rows);
                    if (!rows.isEmpty()) {
                        place = rows.get(rows.size() - 1).position();
                    }
                    reading = false;
                    drain();
                    more = again || rows.size() == BATCH;
                }
                if (more) {
                    read();
                }
            }, failure -> {
                synchronized (this) {
                    reading = false;
                }
                Log.warnf("A live stream could not read its notifications (reading again in %d ms): %s", RETRY_MILLIS, failure.getMessage());
                vertx.setTimer(RETRY_MILLIS, id -> read());
            });
        }
    }
}
