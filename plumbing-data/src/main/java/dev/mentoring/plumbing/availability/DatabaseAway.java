package dev.mentoring.plumbing.availability;

import java.net.SocketException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.problem.FailureClassifier;
import dev.mentoring.plumbing.problem.Problem;
import io.netty.channel.unix.Errors.NativeIoException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The database could not take the request just now ({@link #cannotServe}): it refused a new connection (no slots
 * left, 53300; starting or shutting down, 57P01-57P03), a connection broke (SQL state class 08, or closed under the
 * request), or it could not be reached at all. Nothing was changed by a statement that never ran, and a transaction whose connection broke was rolled
 * back by PostgreSQL; so the caller is told 503 with {@code Retry-After} and may send the same request again (with its
 * Idempotency-Key, a write is still done once). Without this the catch-all would answer 500, as for a bug.
 */
@ApplicationScoped
public class DatabaseAway implements FailureClassifier {

    @Override
    public Optional<Problem> classify(Throwable failure, String path) {
        return isAway(failure) ? Optional.of(new Problem("about:blank", "Service Unavailable", 503,
                "The database cannot take this request just now; nothing was changed, retry shortly", path, List.of()))
                : Optional.empty();
    }

    /** Whether the failure or any of its causes says the database cannot serve now ({@link #cannotServe}). */
    public static boolean isAway(Throwable e) {
        return Causes.any(e, DatabaseAway::cannotServe);
    }

    /**
     * Whether this one failure (not its causes) says the database cannot serve now: the connection itself refused or
     * ended (severity FATAL: away, starting, not accepting connections), SQL state 08 (connection), 53 (resources), 57P
     * (shutting down); a connection closed under the call, or a socket refused or reset. A reset is a
     * {@link SocketException} under NIO but Netty's {@link NativeIoException} under epoll, which the services run on; a
     * refused connection is a {@code ConnectException} under both. A statement given to a pooled connection that closed
     * meanwhile (PostgreSQL restarted) fails with "Connection is not active now, current status: CLOSED", a Vert.x
     * {@link NoStackTraceThrowable}: it was never sent. The one definition of a database away: what a request
     * is answered 503 for, and what a consumer tries again ({@code Redelivery}).
     */
    public static boolean cannotServe(Throwable failure) {
        if (failure instanceof PgException pg) {
            String state = pg.getSqlState() == null ? "" : pg.getSqlState();
            return "FATAL".equals(pg.getSeverity()) || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P");
        }
        return failure instanceof ClosedConnectionException || failure instanceof SocketException || failure instanceof NativeIoException
                || (failure instanceof VertxException || failure instanceof NoStackTraceThrowable)
                        && String.valueOf(failure.getMessage()).toLowerCase().contains("closed");
    }
}
