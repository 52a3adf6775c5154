package dev.mentoring.plumbing.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic the way an analytics pipeline would, starting from its end at creation: tests create it
 * before they act and then wait for the records their action caused.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(20);
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start now, before the test acts
    }

    public TopicReader(String topic) {
        this(System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"), topic);
    }

    /**
     * Waits up to {@code timeout} for a record matching {@code wanted}, among those read before too; null if
     * none came. Every record read is kept, so several waits can look for records of one batch.
     */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (wanted.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (!Instant.now().isBefore(deadline)) {
                return null;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    /** Reads for {@code duration} and answers the records that match, among all read so far. */
    public List<ConsumerRecord<String, String>> collect(Predicate<ConsumerRecord<String, String>> wanted, int atLeast,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> found = seen.stream().filter(wanted).toList();
        while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            found = seen.stream().filter(wanted).toList();
        }
        return found;
    }

    /**
     * For "exactly n" checks: waits up to {@code timeout} for {@code expected} matching records, then reads on
     * for {@code quiet} so that one too many would be seen; answers all the matches. Patient on a slow machine
     * (the timeout is only spent when too few come), strict when too many do.
     */
    public List<ConsumerRecord<String, String>> settled(Predicate<ConsumerRecord<String, String>> wanted, int expected,
            Duration timeout, Duration quiet) {
        collect(wanted, expected, timeout);
        Instant end = Instant.now().plus(quiet);
        while (Instant.now().isBefore(end)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(wanted).toList();
    }

    /** {@link #settled} with 30 s to arrive and 3 s of quiet after. */
    public List<ConsumerRecord<String, String>> settled(Predicate<ConsumerRecord<String, String>> wanted, int expected) {
        return settled(wanted, expected, Duration.ofSeconds(30), Duration.ofSeconds(3));
    }

    /** Every record read so far. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
