package dev.mentoring.plumbing.rules;

/**
 * A value the domain cannot do without is missing. Plain Java, so that a {@code domain} package may throw it; every
 * service answers it 400 naming the field.
 */
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
