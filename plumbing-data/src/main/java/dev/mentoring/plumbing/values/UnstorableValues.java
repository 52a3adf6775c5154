package dev.mentoring.plumbing.values;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.problem.FailureClassifier;
import dev.mentoring.plumbing.problem.Problem;
import io.vertx.pgclient.PgException;

/**
 * The last line behind the validation: a value of the request the database refused as data (SQL state class 22: a
 * character it cannot store, such as NUL in a query parameter, a number out of range, a text too long) is the caller's
 * bad input, answered 400, not 500. Nothing was changed: the statement failed, and with it its transaction. Bodies are
 * checked field by field before they get here ({@code NoNulInText}, bean validation); this only keeps a missed case
 * from being a server error.
 */
@ApplicationScoped
public class UnstorableValues implements FailureClassifier {

    @Override
    public Optional<Problem> classify(Throwable failure, String path) {
        return Causes.any(failure, cause -> cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22"))
                ? Optional.of(new Problem("about:blank", "Bad Request", 400,
                        "A value of the request cannot be stored (a character such as NUL, or a value out of range); nothing was changed",
                        path, List.of()))
                : Optional.empty();
    }
}
