package dev.mentoring.matching.domain;

/**
 * A value breaks a rule of mentoring (answered 422 naming the field). An {@link IllegalArgumentException}, as a
 * value that cannot be is one.
 */
public class RuleViolation extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public RuleViolation(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The field at fault, e.g. {@code maxOpenRequests}. */
    public String field() {
        return field;
    }

    /** What is wrong with it, without the field's name. */
    public String reason() {
        return reason;
    }
}
