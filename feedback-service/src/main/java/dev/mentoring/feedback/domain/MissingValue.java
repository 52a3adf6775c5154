package dev.mentoring.feedback.domain;

/** A value the domain cannot do without is missing (e.g. settings without their health thresholds). */
public class MissingValue extends RuntimeException {

    private final String field;
    private final String reason;

    public MissingValue(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
