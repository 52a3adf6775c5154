package dev.mentoring.plumbing.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which database failures mean "not now" (503, retry) rather than a bug (500). */
class DatabaseAwayTest {

    private static PgException state(String sqlState) {
        return new PgException("failed", "FATAL", sqlState, "detail");
    }

    @Test
    void noSlotsLeftStartingShuttingDownAndBrokenConnectionsAreAway() {
        assertThat(DatabaseAway.isAway(new CompletionException(state("53300")))).isTrue();
        assertThat(DatabaseAway.isAway(state("57P01"))).isTrue();
        assertThat(DatabaseAway.isAway(state("57P03"))).isTrue();
        assertThat(DatabaseAway.isAway(state("08006"))).isTrue();
        assertThat(DatabaseAway.isAway(new RuntimeException("wrapped", ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseAway.isAway(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void theAnswerIs503NamingNoInternals() {
        var problem = new DatabaseAway().classify(state("53300"), "/participants/me").orElseThrow();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).doesNotContain("53300").contains("retry");
    }

    @Test
    void racesAndBugsAreNot() {
        assertThat(DatabaseAway.isAway(state("23505"))).isFalse();
        assertThat(DatabaseAway.isAway(state("42P01"))).isFalse();
        assertThat(DatabaseAway.isAway(new IllegalStateException("bug"))).isFalse();
        assertThat(new DatabaseAway().classify(new IllegalStateException("bug"), "/x")).isEmpty();
    }
}
