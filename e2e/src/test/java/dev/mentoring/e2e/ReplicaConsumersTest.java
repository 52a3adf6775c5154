package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;

/**
 * The two instances of session-service are one consumer group: they share the partitions of mentoring.partnership.v1.
 * During a stream of pauses and resumptions of six partnerships (through both gateways, so both instances of
 * matching-service publish), the second instance is stopped (SIGTERM by PID, as Kubernetes stops a pod); the first
 * takes over its partitions and every event is handled, each partnership's in the order it was published (the order of
 * the inbox's processed_at per partnership is the topic's), and the partnership copies end in the last state. None is
 * dead-lettered: what the stopping replica had not finished when its database pool closed is left to the next owner
 * ({@code Redelivery}), which this test found dead-lettered before.
 */
class ReplicaConsumersTest {

    private static final String GROUP = "session-service";
    private static final String TOPIC = "mentoring.partnership.v1";
    private static final List<String[]> PAIRS = List.of(new String[] {"globex-mentee1", "globex-mentor1"},
            new String[] {"globex-mentee2", "globex-mentor1"}, new String[] {"globex-mentee3", "globex-mentor2"},
            new String[] {"globex-mentee4", "globex-mentor2"}, new String[] {"globex-mentee1", "globex-mentor3"},
            new String[] {"globex-mentee2", "globex-mentor3"});
    /** Toggles of each partnership after the replica had gone (as many pauses as resumptions before it). */
    private static final int AFTER = 6;

    /** Which instances' consumers hold partitions of the topic: client host and port are alike here, so by client id. */
    private static Map<String, Set<Integer>> assignment(Admin admin) throws Exception {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
        Map<String, Set<Integer>> partitions = new HashMap<>();
        for (MemberDescription member : group.members()) {
            Set<Integer> own = new HashSet<>();
            member.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(TOPIC)).forEach(tp -> own.add(tp.partition()));
            if (!own.isEmpty()) {
                partitions.put(member.consumerId(), own);
            }
        }
        return partitions;
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        return Admin.create(props);
    }

    @Test
    void aReplicaStoppedMidStreamHandsItsPartitionsOverAndEachPartnershipStaysInOrder() throws Exception {
        List<String> partnerships = new ArrayList<>();
        partnerships.addAll(Replicas.partnerships("globex-mentor1", "globex-mentee1", "globex-mentee2"));
        partnerships.addAll(Replicas.partnerships("globex-mentor2", "globex-mentee3", "globex-mentee4"));
        partnerships.addAll(Replicas.partnerships("globex-mentor3", "globex-mentee1", "globex-mentee2"));
        try (Admin admin = admin(); TopicReader topic = new TopicReader(Platform.KAFKA, TOPIC);
                TopicReader deadLetters = new TopicReader(Platform.KAFKA, "mentoring.session-service.dlq")) {
            int partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().size();
            Map<String, Set<Integer>> before = assignment(admin);
            System.out.printf("[replicas] %s on %s before the stop: %s%n", GROUP, TOPIC, before.values());
            assertThat(before).as("both instances' consumers hold partitions").hasSizeGreaterThanOrEqualTo(2);
            assertThat(before.values().stream().mapToInt(Set::size).sum()).as("every partition has one owner").isEqualTo(partitions);

            ExecutorService pool = Executors.newFixedThreadPool(PAIRS.size());
            long stopped;
            java.util.concurrent.atomic.AtomicLong gone = new java.util.concurrent.atomic.AtomicLong();
            int toggles = 0;
            try {
                // each partnership paused and resumed in turn until a while after the replica has gone, ending resumed
                List<Future<Integer>> bursts = new ArrayList<>();
                for (int p = 0; p < PAIRS.size(); p++) {
                    String partnership = partnerships.get(p);
                    String mentee = PAIRS.get(p)[0];
                    bursts.add(pool.submit(() -> {
                        int i = 0;
                        int after = 0;
                        while (i % 2 == 1 || after < AFTER) {
                            Replicas.via(Replicas.GATEWAYS.get(i % 2), mentee)
                                    .post("/api/v1/matching/partnerships/" + partnership + (i % 2 == 0 ? "/pause" : "/resume"))
                                    .then().statusCode(200);
                            i++;
                            after += gone.get() > 0 ? 1 : 0;
                            Thread.sleep(100);
                        }
                        return i;
                    }));
                }
                // mid-stream: once some of the burst is on the topic, the second instance of session-service stops
                topic.collect(r -> partnerships.contains(r.key()) && Replicas.ofType(r, "partnership.paused"), PAIRS.size(),
                        Duration.ofSeconds(60));
                stopped = Platform.pidOf(Replicas.instance("sessions", 2));
                Platform.signal("TERM", stopped);
                ProcessHandle.of(stopped).ifPresent(process -> process.onExit().join());
                gone.set(System.currentTimeMillis());
                for (Future<Integer> burst : bursts) {
                    toggles += burst.get();
                }
            } finally {
                pool.shutdown();
            }
            try {
                List<ConsumerRecord<String, String>> events = topic.settled(r -> partnerships.contains(r.key())
                        && (Replicas.ofType(r, "partnership.paused") || Replicas.ofType(r, "partnership.resumed")),
                        toggles, Duration.ofSeconds(60), Duration.ofSeconds(3));
                assertThat(events).hasSize(toggles);
                long afterTheStop = events.stream().filter(r -> r.timestamp() > gone.get()).count();
                assertThat(afterTheStop).as("part of the stream came after the replica had gone").isPositive();
                // every event handled by session-service's partnership copy, each partnership's in the topic's order
                Map<String, List<String>> published = new HashMap<>();
                events.forEach(r -> published.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Replicas.field(r, "/id")));
                Set<String> all = new HashSet<>();
                published.values().forEach(all::addAll);
                List<String> handled = List.of();
                for (int i = 0; i < 240 && handled.size() < all.size(); i++) {
                    handled = Replicas.sql("sessions", "select cast(event_id as text) from processed_event where event_id in ("
                            + Replicas.quoted(List.copyOf(all)) + ") order by processed_at, event_id;");
                    if (handled.size() < all.size()) {
                        Thread.sleep(500);
                    }
                }
                assertThat(deadLetters.settled(r -> all.contains(Replicas.field(r, "/id")), 0, Duration.ZERO, Duration.ofSeconds(2)))
                        .as("none dead-lettered by the stopping replica (its database pool closing under it)").isEmpty();
                assertThat(handled).as("every event handled once, none lost in the hand-over").hasSize(all.size())
                        .containsExactlyInAnyOrderElementsOf(all);
                for (String partnership : partnerships) {
                    List<String> order = handled.stream().filter(published.get(partnership)::contains).toList();
                    assertThat(order).as("partnership %s handled in the order published", partnership).isEqualTo(published.get(partnership));
                }
                List<String> states = Replicas.sql("sessions", "select state from partnership_copy where id in ("
                        + Replicas.quoted(partnerships) + ");");
                assertThat(states).as("each copy in the last state (resumed)").hasSize(PAIRS.size())
                        .containsOnly("ACTIVE");
                Map<String, Set<Integer>> after = assignment(admin);
                for (int i = 0; i < 120 && !(after.size() == 1 && after.values().iterator().next().size() == partitions); i++) {
                    Thread.sleep(500); // the group's rebalance may still be settling
                    after = assignment(admin);
                }
                System.out.printf("[replicas] %d pause/resume events of %d partnerships, session-service-2 stopped mid-stream "
                        + "(%d published after it had gone): %d handled once each, each partnership in order; %s after the stop: %s%n",
                        events.size(), partnerships.size(), afterTheStop, handled.size(), GROUP, after.values());
                assertThat(after).as("one instance left").hasSize(1);
                assertThat(after.values().stream().mapToInt(Set::size).sum()).as("the first instance took every partition").isEqualTo(partitions);
            } finally {
                Platform.restart(Replicas.instance("sessions", 2), Duration.ofMinutes(3));
                Replicas.end("globex-mentor1", partnerships.subList(0, 2));
                Replicas.end("globex-mentor2", partnerships.subList(2, 4));
                Replicas.end("globex-mentor3", partnerships.subList(4, 6));
            }
        }
    }
}
