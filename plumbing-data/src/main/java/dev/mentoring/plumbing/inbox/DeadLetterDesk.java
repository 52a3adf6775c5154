package dev.mentoring.plumbing.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.kafka.KafkaConnection;
import io.smallrye.common.annotation.Identifier;

/**
 * The events this service's consumers gave up on, read back from its dead-letter topic, and replayed through the
 * consumer that gave up once the cause is fixed. A replay runs the same handling as a delivery (the same
 * {@link EventDispatch}), so it is idempotent: an event handled before (by a replay or a later delivery) changes nothing
 * again. The topic itself is never changed: a dead letter stays on it, and is listed as handled once its event is.
 * <p>
 * A dead letter is named {@code <partition>-<offset>} on the dead-letter topic. Only dead letters whose CloudEvent
 * names a tenant are shown, each to that tenant's program admins; a record that is not a readable CloudEvent is for the
 * platform's operators, with Kafka's own tools (docs/operations.md).
 */
@ApplicationScoped
public class DeadLetterDesk {

    /** One dead letter: where it is, why it is there, which event it holds, and whether that event is handled now. */
    public record DeadLetter(String id, String topic, int partition, long offset, Instant deadLetteredAt, String reason,
            String cause, String eventId, String eventType, String key, boolean handled) {
    }

    /** A dead letter as read: the record's facts, the tenant its event names, and the event itself for a replay. */
    record Found(DeadLetter letter, String tenant, String cloudEvent) {
    }

    /** The most dead letters read in one listing (the oldest first). */
    static final int MOST = 2_000;

    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|dead-letter-queue\\.topic)");
    private static final Pattern ID = Pattern.compile("(\\d{1,9})-(\\d{1,18})");

    private final ObjectMapper json;
    private final Properties kafka = new Properties();
    /** The dead-letter topic(s) of this service's channels. */
    private final Set<String> deadLetterTopics = new TreeSet<>();
    /** The channel reading each topic. */
    private final Map<String, String> channelOfTopic = new HashMap<>();
    /** What each channel's consumer handles, as it registered it. */
    private final Map<String, EventDispatch> dispatchOfChannel = new ConcurrentHashMap<>();

    DeadLetterDesk(ObjectMapper json, Config config, @Identifier("default-kafka-broker") Instance<Map<String, Object>> broker) {
        this.json = json;
        // the connection the channels use (bootstrap servers, TLS, SASL), from kafka.* and KAFKA_* alike
        kafka.putAll(KafkaConnection.of(config, broker));
        for (String name : config.getPropertyNames()) {
            Matcher incoming = INCOMING.matcher(name);
            if (incoming.matches()) {
                String value = config.getOptionalValue(name, String.class).orElse("").trim();
                if (value.isEmpty()) {
                    continue;
                }
                if (incoming.group(2).equals("topic")) {
                    for (String topic : value.split(",")) {
                        channelOfTopic.put(topic.trim(), incoming.group(1));
                    }
                } else {
                    deadLetterTopics.add(value);
                }
            }
        }
    }

    /** A consumer's channel and its dispatch: what a replay of an event read from that channel's topic goes through. */
    public void handles(String channel, EventDispatch dispatch) {
        dispatchOfChannel.put(channel, dispatch);
    }

    /** Whether this service reads events at all (else it has no dead letters). */
    public boolean hasDeadLetterTopic() {
        return !deadLetterTopics.isEmpty();
    }

    /** The dead letters of one tenant, oldest first (at most {@link #MOST}); {@code handled} is still to be judged. Blocking. */
    public List<Found> of(String tenant) {
        List<Found> found = new ArrayList<>();
        if (deadLetterTopics.isEmpty()) {
            return found;
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : deadLetterTopics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int read = 0;
            while (!reachedEnds(consumer, ends) && read < 50 * MOST && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    Found letter = read(record);
                    if (tenant.equals(letter.tenant()) && found.size() < MOST) {
                        found.add(letter);
                    }
                }
            }
        }
        found.sort(Comparator.comparing((Found f) -> f.letter().deadLetteredAt()).thenComparing(f -> f.letter().id()));
        return found;
    }

    /** One dead letter of a tenant by its id, or none (also for another tenant's, and for an id that names nothing). Blocking. */
    public Optional<Found> find(String tenant, String id) {
        Matcher parts = ID.matcher(id == null ? "" : id);
        if (!parts.matches() || deadLetterTopics.isEmpty()) {
            return Optional.empty();
        }
        int partition = Integer.parseInt(parts.group(1));
        long offset = Long.parseLong(parts.group(2));
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : deadLetterTopics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
                    continue;
                }
                TopicPartition at = new TopicPartition(topic, partition);
                long end = consumer.endOffsets(List.of(at), Duration.ofSeconds(5)).getOrDefault(at, 0L);
                if (offset >= end) {
                    continue;
                }
                consumer.assign(List.of(at));
                consumer.seek(at, offset);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() == offset) {
                            Found letter = read(record);
                            return tenant.equals(letter.tenant()) ? Optional.of(letter) : Optional.empty();
                        }
                        if (record.offset() > offset) {
                            return Optional.empty(); // compacted or deleted away
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The dispatch a dead letter goes through again: its original topic's channel's, if this service still reads it. */
    public Optional<EventDispatch> dispatchFor(DeadLetter letter) {
        return Optional.ofNullable(channelOfTopic.get(letter.topic())).map(dispatchOfChannel::get);
    }

    /** The same dead letter, judged handled or not. */
    public static DeadLetter judged(DeadLetter letter, boolean handled) {
        return new DeadLetter(letter.id(), letter.topic(), letter.partition(), letter.offset(), letter.deadLetteredAt(),
                letter.reason(), letter.cause(), letter.eventId(), letter.eventType(), letter.key(), handled);
    }

    private Found read(ConsumerRecord<String, String> record) {
        String eventId = null;
        String type = null;
        String tenant = null;
        try {
            JsonNode event = record.value() == null ? null : json.readTree(record.value());
            if (event != null && event.isObject()) {
                eventId = text(event, "id");
                type = text(event, "type");
                tenant = text(event, "tenant");
            }
        } catch (Exception unreadable) {
            // no readable CloudEvent: no tenant, so only the operators' tools show it
        }
        if (eventId != null) {
            try {
                eventId = UUID.fromString(eventId).toString();
            } catch (IllegalArgumentException notAUuid) {
                eventId = null;
            }
        }
        if (eventId == null || type == null) {
            tenant = null; // no event of ours: nobody's to list or replay
        }
        String originalTopic = header(record, "dead-letter-topic");
        DeadLetter letter = new DeadLetter(record.partition() + "-" + record.offset(),
                originalTopic == null ? "" : originalTopic, parseInt(header(record, "dead-letter-partition")),
                parseLong(header(record, "dead-letter-offset")), Instant.ofEpochMilli(record.timestamp()),
                Optional.ofNullable(header(record, "dead-letter-reason")).orElse(""), header(record, "dead-letter-cause"),
                eventId, type, record.key(), false);
        return new Found(letter, tenant, record.value());
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.putAll(kafka);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-desk-" + UUID.randomUUID());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static boolean reachedEnds(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static int parseInt(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String text) {
        try {
            return text == null ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
