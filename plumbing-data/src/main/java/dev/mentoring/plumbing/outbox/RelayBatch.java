package dev.mentoring.plumbing.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.mentoring.plumbing.tracing.TraceContext;

/**
 * What one relay pass does with the pending rows it read, in plain Java: rows are grouped by key in their order (the
 * relay reads only rows that may leave now: a key whose oldest pending row waits for its next attempt is not read at
 * all, see {@link OutboxRelay}); within a key the rows are sent
 * one after another and the first failure stops the rest of that key, so no row is ever overtaken by a later row of
 * its key. A failed row waits longer after each attempt (doubling up to a minute); it is parked when the broker
 * refused the record itself (too large, say) or when it failed {@code maxAttempts} times while other rows were
 * acknowledged, so that one bad row cannot hold its key back forever. A broker that refuses everything (it is away)
 * parks nothing: the rows wait for it.
 */
public final class RelayBatch {

    /** One pending outbox row as the relay reads it; {@code trace} is the writing transaction's trace context, or null. */
    public record PendingRow(UUID id, String topic, String key, String payload, int attempts, TraceContext trace) {
    }

    /** How one send ended: acknowledged, or failed, and whether the record itself is at fault (never worth retrying). */
    public record Outcome(UUID id, boolean acknowledged, boolean recordAtFault, String error) {

        public static Outcome acknowledged(UUID id) {
            return new Outcome(id, true, false, null);
        }

        public static Outcome failed(UUID id, boolean recordAtFault, String error) {
            return new Outcome(id, false, recordAtFault, error);
        }
    }

    /** A failed row's next state: when to try again, or parked. */
    public record Failure(UUID id, int attempts, String error, Instant nextAttemptAt, boolean parked) {
    }

    private final int maxAttempts;

    public RelayBatch(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** The rows to send this pass, grouped by key, each key's rows in their order. */
    public Map<String, List<PendingRow>> byKey(List<PendingRow> rows) {
        Map<String, List<PendingRow>> byKey = new LinkedHashMap<>();
        for (PendingRow row : rows) {
            byKey.computeIfAbsent(row.topic() + "\u0000" + row.key(), k -> new ArrayList<>()).add(row);
        }
        return byKey;
    }

    /** The failed rows' next states, given every outcome of the pass. */
    public List<Failure> failures(List<PendingRow> rows, List<Outcome> outcomes, Instant now) {
        boolean brokerWorks = outcomes.stream().anyMatch(Outcome::acknowledged);
        Map<UUID, PendingRow> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        List<Failure> failures = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.acknowledged()) {
                continue;
            }
            int attempts = byId.get(outcome.id()).attempts() + 1;
            boolean parked = outcome.recordAtFault() || (brokerWorks && attempts >= maxAttempts);
            failures.add(new Failure(outcome.id(), attempts, outcome.error(), now.plus(backoff(attempts)), parked));
        }
        return failures;
    }

    /** The wait before attempt {@code attempts + 1}: one second doubling, at most a minute. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(60, 1L << Math.min(6, Math.max(0, attempts - 1))));
    }
}
