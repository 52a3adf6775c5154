package dev.mentoring.plumbing.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Tells {@link Redelivery} that this instance is stopping, when Quarkus begins to shut down (after the shutdown delay,
 * before the database pool and the Kafka consumers close): from then on its consumers leave what they have not finished
 * to the partitions' next owners instead of dead-lettering it.
 */
@ApplicationScoped
class InstanceShutdown {

    void onShutdown(@Observes ShutdownEvent event) {
        Redelivery.instanceStopping(true);
    }
}
