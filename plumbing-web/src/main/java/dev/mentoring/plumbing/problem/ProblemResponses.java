package dev.mentoring.plumbing.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.MissingValue;
import dev.mentoring.plumbing.rules.RuleViolation;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure of a REST call into an RFC 9457 problem answer. Client mistakes get their 4xx
 * with the field at fault; an unexpected failure is logged with a reference and answered 500 without
 * any internals, so bugs stay visible in the logs and never leak.
 */
public class ProblemResponses {

    private final Instance<FailureClassifier> classifiers;

    ProblemResponses(@Any Instance<FailureClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(new Problem("about:blank", e.title(), e.status(), e.getMessage(), path(uri), e.errors()));
    }

    /** A rule of the domain is broken: 422 naming each field at fault. */
    @ServerExceptionMapper
    public Response brokenRule(RuleViolation e, UriInfo uri) {
        return answer(new Problem("about:blank", "Unprocessable Content", 422, e.getMessage(), path(uri),
                e.faults().stream().map(f -> new Problem.FieldError(f.field(), f.reason())).toList()));
    }

    /** A value the domain needs is missing: 400 naming it. */
    @ServerExceptionMapper
    public Response missing(MissingValue e, UriInfo uri) {
        return answer(new Problem("about:blank", "Bad Request", 400, e.getMessage(), path(uri),
                List.of(new Problem.FieldError(e.field(), e.reason()))));
    }

    /** How things stand forbids the change: 409 with the domain's words. */
    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return answer(new Problem("about:blank", "Conflict", 409, e.getMessage(), path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        String detail = errors.stream().map(err -> err.field() + ": " + err.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return answer(new Problem("about:blank", "Bad Request", 400, detail, path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return answer(new Problem("about:blank", "Bad Request", 400, "The body is not valid JSON" + where,
                    path(uri), List.of()));
        }
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof NoNulInText.NulInText) {
            message = NoNulInText.NulInText.MESSAGE;
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot take the value " + format.getValue() + " (expected "
                    + format.getTargetType().getSimpleName() + ")";
        } else {
            message = "has the wrong type or shape";
        }
        String name = field.isEmpty() ? "body" : field;
        return answer(new Problem("about:blank", "Bad Request", 400, name + " " + message, path(uri),
                List.of(new Problem.FieldError(name, message))));
    }

    /** Jackson's own mapper for this subtype would answer plain JSON; this one answers a problem. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, ProblemWriter.BEARER_CHALLENGE)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Unauthorized", 401,
                        "A valid bearer token of this platform is required", path(uri), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(new Problem("about:blank", "Forbidden", 403, "Your role does not allow this request",
                path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadableJson) {
            return unreadable(unreadableJson, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at " + path(uri);
            case 405 -> "This method is not allowed here";
            case 406 -> "No representation of this resource matches the Accept header";
            case 415 -> "This media type is not supported here; send application/json";
            default -> e.getMessage();
        };
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path(uri), List.of()));
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            answer.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return answer.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<Response> known = classified(e, uri);
        if (known.isPresent()) {
            return known.get();
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure, reference %s", reference);
        return answer(new Problem("about:blank", "Internal Server Error", 500,
                "Something went wrong on our side; reference " + reference, path(uri), List.of()));
    }

    /** What a {@link FailureClassifier} recognises, as its problem answer. */
    private Optional<Response> classified(Throwable e, UriInfo uri) {
        for (FailureClassifier classifier : classifiers) {
            Optional<Problem> problem = classifier.classify(e, path(uri));
            if (problem.isPresent()) {
                return problem.map(ProblemResponses::answer);
            }
        }
        return Optional.empty();
    }

    /** How long a caller told 503 (a dependency away just now) waits before it retries, in seconds. */
    static final String RETRY_AFTER_SECONDS = "2";

    static Response answer(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return answer.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The JSON path of a mapping failure, e.g. {@code languages[2]} or {@code skills[0].level}. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The field a violation is about, without the method and parameter names that Bean Validation puts
     * in front: {@code putMine.profile.languages[1]} becomes {@code languages[1]}; a violation on a
     * parameter itself keeps the parameter's name.
     */
    static String field(Path propertyPath) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(name);
        }
        if (field.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return field.charAt(0) == '[' && parameter != null ? parameter + field : field.toString();
    }
}
