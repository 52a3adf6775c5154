package dev.mentoring.plumbing.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** Which database failures are a lost race (409, retry) rather than a bug (500). */
class ConcurrentChangesTest {

    private static PgException state(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, "detail");
    }

    @Test
    void uniqueViolationsSerializationFailuresAndDeadlockVictimsAreRaces() {
        assertThat(ConcurrentChanges.isConflict(state("23505"))).isTrue();
        assertThat(ConcurrentChanges.isConflict(state("40001"))).isTrue();
        assertThat(ConcurrentChanges.isConflict(new RuntimeException("wrapped", state("40P01")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(ConcurrentChanges.isConflict(state("23502"))).isFalse();
        assertThat(ConcurrentChanges.isConflict(state("42P01"))).isFalse();
        assertThat(ConcurrentChanges.isConflict(new IllegalStateException("bug"))).isFalse();
    }
}
