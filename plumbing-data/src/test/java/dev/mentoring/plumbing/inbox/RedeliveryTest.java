package dev.mentoring.plumbing.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/** Which failures are worth another try, and that a try is made anew each time. */
class RedeliveryTest {

    private static final ReceivedEvent EVENT = new ReceivedEvent(UUID.randomUUID(), "partnership.started", "acme");

    private static PgException sql(String state) {
        return new PgException("failed", "ERROR", state, null);
    }

    @Test
    void passingFailuresAreTheDatabasesAndTheEventsOwnAreNot() {
        assertThat(Redelivery.passing(sql("40P01"))).as("deadlock").isTrue();
        assertThat(Redelivery.passing(sql("40001"))).as("serialization failure").isTrue();
        assertThat(Redelivery.passing(sql("57P01"))).as("admin shutdown").isTrue();
        assertThat(Redelivery.passing(sql("08006"))).as("connection failure").isTrue();
        assertThat(Redelivery.passing(new PgException("database \"x\" is not currently accepting connections", "FATAL", "55000", null)))
                .as("a database not accepting connections").isTrue();
        assertThat(Redelivery.passing(new RuntimeException("wrapped", new java.net.ConnectException("refused")))).isTrue();
        assertThat(Redelivery.passing(new io.vertx.core.VertxException("Connection was closed"))).isTrue();
        assertThat(Redelivery.passing(new RuntimeException(io.vertx.sqlclient.ClosedConnectionException.INSTANCE)))
                .as("a pooled connection that was lost").isTrue();
        assertThat(Redelivery.passing(new RuntimeException("Failed to start a transaction", new java.net.SocketException("Connection reset"))))
                .as("a connection reset by the database").isTrue();
        assertThat(Redelivery.passing(sql("23505"))).as("unique violation").isFalse();
        assertThat(Redelivery.passing(new RuntimeException("wrapped", new NotYetKnown("partnership p")))).as("a record from another topic").isTrue();
        assertThat(Redelivery.passing(sql("22P02"))).as("invalid text").isFalse();
        assertThat(Redelivery.passing(new IllegalArgumentException("partnership of another tenant"))).isFalse();
        assertThat(Redelivery.passing(new IllegalArgumentException("unreadable", sql("08006")))).isFalse();
        assertThat(Redelivery.passing(new NullPointerException())).isFalse();
        // a composite (a failure, then a callback's after it): the first failure and what it carried decide
        assertThat(Redelivery.passing(new CompositeException(new RuntimeException("flush", sql("40001")),
                new IllegalArgumentException("a later callback's")))).as("a deadlock, then a callback's failure").isTrue();
        assertThat(Redelivery.passing(new CompositeException(new IllegalArgumentException("unreadable"),
                new IOException("the rollback's connection reset")))).as("the event's own, then a reset").isFalse();
    }

    @Test
    void aStoppingInstanceNeitherFinishesNorDeadLettersAnEvent() {
        try {
            AtomicInteger tries = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
            // a handling that fails because the instance stops under it (its database pool closed)
            Redelivery.handle(EVENT, () -> {
                tries.incrementAndGet();
                Redelivery.instanceStopping(true);
                return Uni.createFrom().failure(new IllegalStateException("Pool closed"));
            }).subscribe().with(outcome::set, outcome::set);
            assertThat(tries).as("not tried again while stopping").hasValue(1);
            assertThat(outcome.get()).as("neither done (acknowledged) nor failed (dead-lettered)").isNull();

            // an event arriving while stopping is not even started
            Redelivery.handle(EVENT, () -> {
                tries.incrementAndGet();
                return Uni.createFrom().voidItem();
            }).subscribe().with(outcome::set, outcome::set);
            assertThat(tries).hasValue(1);
            assertThat(outcome.get()).isNull();
        } finally {
            Redelivery.instanceStopping(false);
        }
    }

    @Test
    void aPassingFailureIsTriedAgainWithANewHandlingAndAnEventsOwnFailureIsNot() {
        AtomicInteger tries = new AtomicInteger();
        Redelivery.handle(EVENT, () -> tries.incrementAndGet() < 3 ? Uni.createFrom().failure(sql("40P01"))
                : Uni.createFrom().voidItem()).await().atMost(Duration.ofSeconds(10));
        assertThat(tries).hasValue(3);

        AtomicInteger poison = new AtomicInteger();
        assertThatThrownBy(() -> Redelivery.handle(EVENT, () -> {
            poison.incrementAndGet();
            return Uni.createFrom().failure(new IllegalArgumentException("data unreadable"));
        }).await().atMost(Duration.ofSeconds(10))).isInstanceOf(IllegalArgumentException.class);
        assertThat(poison).hasValue(1);
    }

    @Test
    void aPassingFailureIsTriedForItsTimeNotForACountAndThenFails() {
        // a database away for 2 s: tried again until it is back (more tries than a count of 8 would give at 50 ms each)
        long back = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        AtomicInteger tries = new AtomicInteger();
        Redelivery.handle(EVENT, () -> {
            tries.incrementAndGet();
            return System.nanoTime() < back ? Uni.createFrom().failure(sql("57P01")) : Uni.createFrom().voidItem();
        }, Duration.ofSeconds(10)).await().atMost(Duration.ofSeconds(15));
        assertThat(tries.get()).isGreaterThan(1);

        // away for longer than it is tried: it fails (the dead-letter topic takes it), after its time and not before
        AtomicInteger failing = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> Redelivery.handle(EVENT, () -> {
            failing.incrementAndGet();
            return Uni.createFrom().failure(sql("08006"));
        }, Duration.ofSeconds(2)).await().atMost(Duration.ofSeconds(15))).isInstanceOf(PgException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(failing.get()).isGreaterThan(2);
    }
}
