package dev.mentoring.feedback.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.mentoring.feedback.domain.Conflict;
import dev.mentoring.feedback.domain.MissingValue;
import dev.mentoring.feedback.domain.RuleViolation;
import dev.mentoring.plumbing.problem.Problem;

/**
 * The domain's refusals as problem answers: a broken rule is 422 naming each field at fault, a missing value 400
 * naming it, a conflict with where things stand 409.
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response violation(RuleViolation e, UriInfo uri) {
        return answer(422, "Unprocessable Content", e.getMessage(), uri,
                e.faults().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }

    @ServerExceptionMapper
    public Response missing(MissingValue e, UriInfo uri) {
        return answer(400, "Bad Request", e.getMessage(), uri, List.of(new Problem.FieldError(e.field(), e.reason())));
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return answer(409, "Conflict", e.getMessage(), uri, List.of());
    }

    private static Response answer(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri == null ? null : uri.getRequestUri().getRawPath(), errors))
                .build();
    }
}
