package dev.mentoring.plumbing.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors.NativeIoException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Which database failures mean "not now" (503, retry) rather than a bug (500). */
class DatabaseAwayTest {

    /** A statement's error, as PostgreSQL reports it (severity ERROR). */
    private static PgException state(String sqlState) {
        return new PgException("failed", "ERROR", sqlState, "detail");
    }

    /** A refused or ended connection, as PostgreSQL reports it (severity FATAL). */
    private static PgException fatal(String sqlState) {
        return new PgException("failed", "FATAL", sqlState, "detail");
    }

    @Test
    void noSlotsLeftStartingShuttingDownAndBrokenConnectionsAreAway() {
        assertThat(DatabaseAway.isAway(new CompletionException(fatal("53300")))).isTrue();
        assertThat(DatabaseAway.isAway(fatal("57P01"))).isTrue();
        assertThat(DatabaseAway.isAway(fatal("57P03"))).isTrue();
        assertThat(DatabaseAway.isAway(state("08006"))).isTrue();
        assertThat(DatabaseAway.isAway(new RuntimeException("wrapped", ClosedConnectionException.INSTANCE))).isTrue();
        assertThat(DatabaseAway.isAway(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseAway.isAway(new RuntimeException(new java.net.SocketException("Connection reset")))).isTrue();
        // under epoll a reset connection is Netty's own I/O exception (errno 104, ECONNRESET), not a SocketException
        Epoll.ensureAvailability();
        assertThat(DatabaseAway.isAway(new RuntimeException(new NativeIoException("recvAddress", -104)))).isTrue();
        // a statement given to a pooled connection that closed meanwhile (seen when PostgreSQL restarted under load)
        assertThat(DatabaseAway.isAway(new RuntimeException(
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED")))).isTrue();
        assertThat(DatabaseAway.isAway(new PgException("database \"x\" is not currently accepting connections", "FATAL", "55000", null)))
                .isTrue();
    }

    @Test
    void theAnswerIs503NamingNoInternals() {
        var problem = new DatabaseAway().classify(fatal("53300"), "/participants/me").orElseThrow();
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
