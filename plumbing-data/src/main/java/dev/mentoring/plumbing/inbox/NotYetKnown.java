package dev.mentoring.plumbing.inbox;

/**
 * An event that needs a record this service learns from another topic, which has not arrived yet (topics are not
 * ordered with each other): a passing failure, so {@link Redelivery} tries the event again, for five times as long as
 * other passing failures (about 4 minutes), before the dead-letter topic takes it (from where it is replayed); the events
 * behind it on its partition wait meanwhile.
 */
public class NotYetKnown extends RuntimeException {

    public NotYetKnown(String what) {
        super(what + " is not known here yet");
    }
}
