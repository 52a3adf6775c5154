package dev.mentoring.notification.events;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.contracts.EventCatalog;
import dev.mentoring.contracts.EventType;
import dev.mentoring.plumbing.inbox.EventDispatch;
import dev.mentoring.plumbing.inbox.EventDispatch.RawEvent;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Each tenant's own event stream: every event of every topic is copied, as it is and under the same key, to the
 * tenant's topic of the same name under {@code mentoring.tenant-streams.prefix} ({@code tenant.<tenant>.mentoring.partnership.v1}),
 * if that topic exists (a tenant's stream is made by one step: deploy/k8s/tenant-stream). A tenant's pipeline is given a
 * Kafka user that may read only its prefix. One source partition is copied one record at a time, each sent before the
 * next, so each key's order is kept; at least once (a copy sent again after a restart has the same CloudEvent id); a
 * failed copy is tried again until it passes ({@link Forwarding}), so none is skipped.
 */
@Startup
@ApplicationScoped
public class TenantStreams {

    /**
     * A tenant id that has a stream: as deploy/k8s/tenant-stream takes it (lower-case letters, digits, inner hyphens; no
     * '.', so that one tenant's prefix tenant.<id>. is never the start of another's).
     */
    private static final Pattern TOPIC_SAFE = Pattern.compile("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?");

    private final EventDispatch copies;
    private final TopicDirectory topics;
    private final MutinyEmitter<String> out;
    private final String prefix;

    TenantStreams(ObjectMapper json, TopicDirectory topics, @Channel("tenant-streams") MutinyEmitter<String> out,
            @ConfigProperty(name = "mentoring.tenant-streams.prefix", defaultValue = "tenant.") String prefix) {
        this.topics = topics;
        this.out = out;
        this.prefix = prefix;
        this.copies = EventDispatch.with(json).onEveryType((event, raw) -> Forwarding.untilDone(event, () -> copy(event, raw))).build();
    }

    @Incoming("tenant-stream-events")
    public Uni<Void> events(String cloudEvent) {
        return copies.dispatch(cloudEvent);
    }

    /** The tenant's topic for an event of this type: the prefix, the tenant, and the type's own topic. */
    static Optional<String> topicOf(String prefix, String tenant, String type) {
        if (tenant == null || !TOPIC_SAFE.matcher(tenant).matches()) {
            return Optional.empty();
        }
        return EventCatalog.named(type).filter(EventCatalog::isPublic).map(EventType::topic).map(topic -> prefix + tenant + "." + topic);
    }

    private Uni<Void> copy(ReceivedEvent event, RawEvent raw) {
        Optional<String> target = topicOf(prefix, event.tenant(), event.type());
        if (target.isEmpty()) {
            Log.debugf("Event %s (%s) of tenant %s has no tenant stream topic", event.id(), event.type(), event.tenant());
            return Uni.createFrom().voidItem();
        }
        String key = raw.attribute("partitionkey") != null ? raw.attribute("partitionkey") : event.id().toString();
        return topics.exists(target.get()).chain(exists -> !exists ? Uni.createFrom().voidItem()
                : out.sendMessage(Message.of(raw.text()).addMetadata(OutgoingKafkaRecordMetadata.<String> builder()
                        .withTopic(target.get()).withKey(key).build())));
    }
}
