package dev.mentoring.notification.application;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mentoring.notification.persistence.InboxReads;
import dev.mentoring.notification.persistence.InboxReads.NotificationRow;
import dev.mentoring.plumbing.notify.DatabaseChannel;
import io.quarkus.logging.Log;
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
 * woken; once it listens again, every stream reads what it missed.
 */
@ApplicationScoped
public class LiveStreams {

    static final String CHANNEL = "notification_added";
    static final long RETRY_MILLIS = 2000;
    /** How many notifications one read sends at most; a stream with more to send reads again. */
    static final int BATCH = 100;

    private final InboxReads reads;
    private final Vertx vertx;
    private final DatabaseChannel channel;
    private final Map<UUID, Set<Follower>> followers = new ConcurrentHashMap<>();

    LiveStreams(InboxReads reads, Pool pool, Vertx vertx) {
        this.reads = reads;
        this.vertx = vertx;
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
                // woken again once listening
            }
        });
    }

    void start(@Observes StartupEvent started) {
        channel.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        channel.stop();
        followers.values().forEach(set -> set.forEach(f -> f.emitter.complete()));
    }

    /** Whether this instance hears of new notifications now. */
    public boolean listening() {
        return channel.listening();
    }

    /** How many streams this instance serves now. */
    public int open() {
        return followers.values().stream().mapToInt(Set::size).sum();
    }

    /** The person's notifications as they commit, after place {@code after}. Ends when the subscriber cancels (the client went away). */
    Multi<NotificationRow> follow(String tenant, UUID person, long after) {
        return Multi.createFrom().emitter(emitter -> {
            Follower follower = new Follower(tenant, person, emitter);
            followers.computeIfAbsent(person, id -> ConcurrentHashMap.newKeySet()).add(follower);
            emitter.onTermination(() -> followers.computeIfPresent(person, (id, set) -> {
                set.remove(follower);
                return set.isEmpty() ? null : set;
            }));
            follower.startAt(after);
        });
    }

    private void wake(UUID person) {
        Set<Follower> set = followers.get(person);
        if (set != null) {
            set.forEach(Follower::read);
        }
    }

    /** One stream: reads what came after its place, one read at a time (a wake-up during a read asks for one more). */
    private final class Follower {

        private final String tenant;
        private final UUID person;
        private final MultiEmitter<? super NotificationRow> emitter;
        private long place = -1;
        private boolean reading;
        private boolean again;

        Follower(String tenant, UUID person, MultiEmitter<? super NotificationRow> emitter) {
            this.tenant = tenant;
            this.person = person;
            this.emitter = emitter;
        }

        synchronized void startAt(long start) {
            place = start;
            read();
        }

        void read() {
            long from;
            synchronized (this) {
                if (place < 0 || emitter.isCancelled()) {
                    return; // not started yet: its first read comes when it starts
                }
                if (reading) {
                    again = true;
                    return;
                }
                reading = true;
                again = false;
                from = place;
            }
            reads.after(tenant, person, from, BATCH).subscribe().with(rows -> {
                boolean more;
                synchronized (this) {
                    for (NotificationRow row : rows) {
                        if (!emitter.isCancelled()) {
                            emitter.emit(row);
                        }
                        place = row.position();
                    }
                    reading = false;
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
