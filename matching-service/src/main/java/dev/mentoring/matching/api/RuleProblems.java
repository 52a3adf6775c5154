package dev.mentoring.matching.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mentoring.matching.domain.Conflict;
import dev.mentoring.matching.domain.RuleViolation;
import dev.mentoring.plumbing.problem.Problem;

/** A broken rule of mentoring as the problem answer a client gets: a conflict 409, a rule violation 422 naming the field. */
public class RuleProblems {

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return answer(new Problem("about:blank", "Conflict", 409, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response violation(RuleViolation e, UriInfo uri) {
        return answer(new Problem("about:blank", "Unprocessable Content", 422, e.field() + ": " + e.reason(), path(uri),
                List.of(new Problem.FieldError(e.field(), e.reason()))));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
