package dev.mentoring.sessions.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A committed change to its event on Kafka, at a steady rate: commits outbox rows into session-service's database (each
 * its own transaction, {@code rate} per second for {@code seconds}, keys spread over 200 partnerships) while the running
 * session-service relays them, and reads them back from Kafka in this process. Latency = the record read back minus the
 * moment the commit returned, both on this JVM's clock. Prints p50, p90, p99, max and the records seen.
 *
 * <p>{@code ./mvnw -pl session-service -Pbench test-compile exec:exec -Dbench.args="500 20"}, with the platform running
 * (deploy/local/bench does it). Settings: {@code BENCH_JDBC_URL} (jdbc:postgresql://127.0.0.1:5432/sessions),
 * {@code BENCH_DB_USER}/{@code BENCH_DB_PASSWORD} (sessions/sessions), {@code BENCH_KAFKA} (127.0.0.1:9092).
 */
public final class RelayLatency {

    private static final String TOPIC = "mentoring.relay-bench.v1";
    private static final int WARM_UP_SECONDS = 10;

    private RelayLatency() {
    }

    public static void main(String[] args) throws Exception {
        List<String> given = Arrays.stream(String.join(" ", args).trim().split("\\s+")).filter(a -> !a.isBlank()).toList();
        int rate = given.size() > 0 ? Integer.parseInt(given.get(0)) : 500;
        int seconds = given.size() > 1 ? Integer.parseInt(given.get(1)) : 20;
        String url = System.getenv().getOrDefault("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/sessions");
        String user = System.getenv().getOrDefault("BENCH_DB_USER", "sessions");
        String password = System.getenv().getOrDefault("BENCH_DB_PASSWORD", "sessions");
        String kafka = System.getenv().getOrDefault("BENCH_KAFKA", "127.0.0.1:9092");

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Properties consumerSettings = new Properties();
        consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-bench-" + UUID.randomUUID());
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumerSettings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerSettings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerSettings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        Thread reader;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings)) {
            consumer.subscribe(List.of(TOPIC));
            // joined and positioned before the first commit
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(partition -> consumer.position(partition));
            reader = new Thread(() -> {
                while (reading.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        int at = record.value().indexOf("\"marker\":\"");
                        if (at >= 0) {
                            receivedAt.putIfAbsent(record.value().substring(at + 10, at + 46), now);
                        }
                    }
                }
            }, "relay-bench-reader");
            reader.start();

            // a warm-up at the same rate first (JIT, connections, topic metadata), not measured; then the measured run
            for (boolean measured : new boolean[] { false, true }) {
                int total = rate * (measured ? seconds : WARM_UP_SECONDS);
                int committers = 4; // each commit waits for its WAL flush: several connections keep the rate, as several requests would
                long start = System.nanoTime();
                long interval = 1_000_000_000L / rate;
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<Thread> threads = new java.util.ArrayList<>();
                for (int c = 0; c < committers; c++) {
                    Thread committer = new Thread(() -> {
                        try (Connection db = DriverManager.getConnection(url, user, password);
                                PreparedStatement insert = db.prepareStatement("""
                                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, tenant, occurred_at)
                                        values (?, ?, ?, 'relay.bench', cast(? as jsonb), 'bench', now())""")) {
                            db.setAutoCommit(true); // each insert its own transaction, committed when executeUpdate returns
                            for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                                long due = start + i * interval;
                                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                                    java.util.concurrent.locks.LockSupport.parkNanos(wait); // never spin: the machine has 2 cores
                                }
                                String marker = UUID.randomUUID().toString();
                                insert.setObject(1, UUID.randomUUID());
                                insert.setString(2, TOPIC);
                                insert.setString(3, "partnership-" + (i % 200));
                                insert.setString(4, "{\"marker\":\"" + marker + "\"}");
                                insert.executeUpdate();
                                if (measured) {
                                    committedAt.put(marker, System.nanoTime());
                                }
                            }
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }, "relay-bench-committer-" + c);
                    committer.start();
                    threads.add(committer);
                }
                for (Thread committer : threads) {
                    committer.join();
                }
                double took = (System.nanoTime() - start) / 1e9;
                System.out.printf("RELAY committed %d rows in %.1f s (%.0f/s) on %d connections%n", total, took, total / took, committers);
            }
            long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (receivedAt.size() < committedAt.size() && System.nanoTime() < waitUntil) {
                Thread.sleep(50);
            }
            reading.set(false);
            reader.join();
        }
        // a record may be read before its committer noted the commit: it counts from the commit, never less than 0
        long[] sorted = committedAt.entrySet().stream().filter(e -> receivedAt.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, receivedAt.get(e.getKey()) - e.getValue()) / 1000).sorted().toArray();
        if (sorted.length == 0) {
            System.out.println("RESULT relay seen=0: no event came back (is session-service running and relaying?)");
            System.exit(2);
        }
        System.out.printf("RESULT relay rate=%d seen=%d of %d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", rate, sorted.length,
                committedAt.size(), at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1000.0);
        if (sorted.length < committedAt.size()) {
            System.exit(2);
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
    }
}
