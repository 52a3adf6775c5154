package dev.mentoring.feedback.domain;

/** What was asked conflicts with where things stand: feedback on a session not held, an evaluation answered twice. */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message, null, false, false);
    }
}
