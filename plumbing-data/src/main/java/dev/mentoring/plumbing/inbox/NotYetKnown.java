package dev.mentoring.plumbing.inbox;

/**
 * An event that needs a record this service learns from another topic, which has not arrived yet (topics are not
 * ordered with each other): a passing failure, so {@link Redelivery} tries the event again for a while before the
 * dead-letter topic takes it, and the events behind it on its partition wait meanwhile.
 */
public class NotYetKnown extends RuntimeException {

    public NotYetKnown(String what) {
        super(what + " is not known here yet");
    }
}
