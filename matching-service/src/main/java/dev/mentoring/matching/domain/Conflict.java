package dev.mentoring.matching.domain;

/** A rule of mentoring refuses the change because of how things stand now (answered 409 with this message). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
