package dev.mentoring.plumbing.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RelayBatchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final RelayBatch batch = new RelayBatch(3);

    private static RelayBatch.PendingRow row(String key, int attempts) {
        return new RelayBatch.PendingRow(UUID.randomUUID(), "mentoring.session.v1", key, "{}", attempts, null);
    }

    @Test
    void rowsAreGroupedByKeyInTheirOrder() {
        var a1 = row("a", 0);
        var b1 = row("b", 0);
        var a2 = row("a", 0);
        Map<String, List<RelayBatch.PendingRow>> due = batch.byKey(List.of(a1, b1, a2));
        assertThat(due.values()).containsExactly(List.of(a1, a2), List.of(b1));
    }

    @Test
    void aFailedSendWaitsLongerEachTimeAndIsParkedAfterMaxAttemptsWhileOthersGoThrough() {
        var failing = row("a", 0);
        var fine = row("b", 0);
        List<RelayBatch.Outcome> outcomes = List.of(RelayBatch.Outcome.failed(failing.id(), false, "timeout"),
                RelayBatch.Outcome.acknowledged(fine.id()));
        RelayBatch.Failure first = batch.failures(List.of(failing, fine), outcomes, NOW).get(0);
        assertThat(first.parked()).isFalse();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));
        var third = row("a", 2);
        RelayBatch.Failure parked = batch.failures(List.of(third, fine),
                List.of(RelayBatch.Outcome.failed(third.id(), false, "timeout"), RelayBatch.Outcome.acknowledged(fine.id())), NOW).get(0);
        assertThat(parked.parked()).isTrue();
        assertThat(parked.error()).isEqualTo("timeout");
    }

    @Test
    void aBrokerThatTakesNothingParksNothing() {
        var tired = row("a", 50);
        RelayBatch.Failure failure = batch.failures(List.of(tired), List.of(RelayBatch.Outcome.failed(tired.id(), false, "down")), NOW).get(0);
        assertThat(failure.parked()).isFalse();
        assertThat(failure.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void aRecordTheBrokerRefusesItselfIsParkedAtOnce() {
        var huge = row("a", 0);
        RelayBatch.Failure failure = batch.failures(List.of(huge),
                List.of(RelayBatch.Outcome.failed(huge.id(), true, "RecordTooLargeException")), NOW).get(0);
        assertThat(failure.parked()).isTrue();
        assertThat(OutboxRelay.recordAtFault(new RuntimeException(new org.apache.kafka.common.errors.RecordTooLargeException("big"))))
                .isTrue();
        assertThat(OutboxRelay.recordAtFault(new org.apache.kafka.common.errors.TimeoutException("slow"))).isFalse();
    }
}
