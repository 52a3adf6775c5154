package dev.mentoring.plumbing.outbox;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the transactional outbox and its relay to Kafka behave. */
@ConfigMapping(prefix = "mentoring.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /mentoring/matching-service}. */
    String source();

    /** Prefix of every topic name; lets test runs share a broker with a running platform. */
    Optional<String> topicPrefix();

    /** Whether this instance relays pending outbox rows to Kafka (several instances may all relay safely). */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay looks for rows without being woken (its fallback: a commit with outbox rows wakes it at once,
     * {@link OutboxNotifications}); e.g. {@code 1s}, {@code 5s}.
     */
    @WithDefault("1s")
    String relayInterval();

    /** Most rows one relay pass publishes. */
    @WithDefault("500")
    int batchSize();

    /**
     * After how many failed sends a row is parked, when other rows were acknowledged meanwhile (a record the broker
     * refuses outright is parked at once; a broker that is away parks nothing).
     */
    @WithDefault("10")
    int maxAttempts();

    /** How long published rows are kept before the purge removes them. */
    @WithDefault("P7D")
    Duration retention();
}
