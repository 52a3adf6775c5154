package dev.mentoring.sessions.domain;

/** A change the session's or partnership's present state does not allow (the API answers 409 with the message). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
