package dev.mentoring.feedback.application;

/** The name feedback-service's consumers go by in the inbox: one name, so that each event is handled once. */
final class ReadModelConsumer {

    static final String NAME = "feedback-service";

    private ReadModelConsumer() {
    }
}
