package dev.mentoring.plumbing.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document, the body of every error answer ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in words a client developer can act on
 * @param instance the request path
 * @param errors   the fields at fault, when the problem is about the request's content
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault: a JSON path such as {@code languages[2]} or a parameter/header name. */
    public record FieldError(String field, String message) {
    }
}
