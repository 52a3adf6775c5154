package dev.mentoring.sessions.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.sessions.domain.Conflict;
import dev.mentoring.sessions.domain.RuleViolation;

/** A broken rule of sessions as the problem the API answers: 422 naming the field, or 409 for a state that forbids it. */
public class BrokenRules {

    @ServerExceptionMapper
    public Response violation(RuleViolation e, UriInfo uri) {
        return answer(new Problem("about:blank", "Unprocessable Content", 422, e.field() + ": " + e.getMessage(), path(uri),
                List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return answer(new Problem("about:blank", "Conflict", 409, e.getMessage(), path(uri), List.of()));
    }

    private static Response answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
