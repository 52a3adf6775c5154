package dev.mentoring.sessions.domain;

/** A rule of sessions that a request breaks, about one of its fields (the API answers 422 naming the field). */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field at fault, e.g. {@code rrule} or {@code start}. */
    public String field() {
        return field;
    }
}
