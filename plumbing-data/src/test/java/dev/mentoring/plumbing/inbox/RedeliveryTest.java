package dev.mentoring.plumbing.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

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
        assertThat(Redelivery.passing(sql("22P02"))).as("invalid text").isFalse();
        assertThat(Redelivery.passing(new IllegalArgumentException("partnership of another tenant"))).isFalse();
        assertThat(Redelivery.passing(new IllegalArgumentException("unreadable", sql("08006")))).isFalse();
        assertThat(Redelivery.passing(new NullPointerException())).isFalse();
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
}
