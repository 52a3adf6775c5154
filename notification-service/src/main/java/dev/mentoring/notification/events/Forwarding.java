package dev.mentoring.notification.events;

import java.time.Duration;
import java.util.function.Supplier;

import dev.mentoring.plumbing.inbox.ReceivedEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * How the two forwarders (webhook deliveries, tenant streams) handle a failure: they read every event of every topic
 * and must drop none, so a failed handling is tried again, after 1 s and then up to every 30 s, until it passes. The
 * partition waits meanwhile (later events of its keys stay behind, in order); a failure that never passes stops the
 * channel's progress, and its health turns DOWN after 5 minutes (throttled.unprocessed-record-max-age.ms), so the
 * instance is restarted and reads on from its last committed offset.
 */
final class Forwarding {

    private Forwarding() {
    }

    static Uni<Void> untilDone(ReceivedEvent event, Supplier<Uni<Void>> handling) {
        return Uni.createFrom().<Void> deferred(handling::get)
                .onFailure().invoke(failure -> Log.warnf("Forwarding event %s (%s) failed, trying again: %s", event.id(), event.type(),
                        failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely();
    }
}
