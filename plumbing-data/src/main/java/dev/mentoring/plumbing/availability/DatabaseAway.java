package dev.mentoring.plumbing.availability;

import java.net.ConnectException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.FailureClassifier;
import dev.mentoring.plumbing.problem.Problem;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The database could not take the request just now: it refused a new connection (no slots left, 53300; starting or
 * shutting down, 57P01-57P03), a connection broke (SQL state class 08, or closed under the request), or it could not be
 * reached at all. Nothing was changed by a statement that never ran, and a transaction whose connection broke was rolled
 * back by PostgreSQL; so the caller is told 503 with {@code Retry-After} and may send the same request again (with its
 * Idempotency-Key, a write is still done once). Without this the catch-all would answer 500, as for a bug.
 */
@ApplicationScoped
public class DatabaseAway implements FailureClassifier {

    /** SQL states of a database that cannot serve now, besides the connection-exception class 08. */
    private static final Set<String> AWAY = Set.of("53300", "53000", "57P01", "57P02", "57P03");

    @Override
    public Optional<Problem> classify(Throwable failure, String path) {
        return isAway(failure) ? Optional.of(new Problem("about:blank", "Service Unavailable", 503,
                "The database cannot take this request just now; nothing was changed, retry shortly", path, List.of()))
                : Optional.empty();
    }

    static boolean isAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (AWAY.contains(pg.getSqlState()) || pg.getSqlState().startsWith("08"))) {
                return true;
            }
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
