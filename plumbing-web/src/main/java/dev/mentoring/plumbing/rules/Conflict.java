package dev.mentoring.plumbing.rules;

/**
 * What was asked conflicts with how things stand now (a partnership that is over, feedback given twice). Plain Java,
 * so that a {@code domain} package may throw it; every service answers it 409 with this message.
 */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
