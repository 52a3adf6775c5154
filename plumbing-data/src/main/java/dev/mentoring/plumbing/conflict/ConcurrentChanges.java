package dev.mentoring.plumbing.conflict;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.problem.FailureClassifier;
import dev.mentoring.plumbing.problem.Problem;
import io.vertx.pgclient.PgException;

/**
 * Two writers raced for the same row or key: the loser gets 409 and may retry. Recognised anywhere in the
 * cause chain: a unique-key violation (23505), a serialization failure (40001), a deadlock whose victim this
 * transaction was (40P01: rolled back whole, as a serialization failure is), an optimistic lock or stale state; so
 * the web part's catch-all answers these 409 and not 500.
 */
@ApplicationScoped
public class ConcurrentChanges implements FailureClassifier {

    /** SQL states of a lost race: unique violation, serialization failure, deadlock victim. */
    private static final java.util.Set<String> RACES = java.util.Set.of("23505", "40001", "40P01");

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class,
            org.hibernate.exception.ConstraintViolationException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri) {
        Problem problem = conflict(uri == null ? null : uri.getRequestUri().getRawPath());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @Override
    public Optional<Problem> classify(Throwable failure, String path) {
        return isConflict(failure) ? Optional.of(conflict(path)) : Optional.empty();
    }

    static boolean isConflict(Throwable e) {
        return Causes.any(e, cause -> cause instanceof PgException pg && RACES.contains(pg.getSqlState())
                || cause instanceof OptimisticLockException || cause instanceof StaleStateException
                || cause instanceof org.hibernate.exception.ConstraintViolationException);
    }

    private static Problem conflict(String path) {
        return new Problem("about:blank", "Conflict", 409, "Someone else changed this at the same time; read it again and retry",
                path, List.of());
    }
}
