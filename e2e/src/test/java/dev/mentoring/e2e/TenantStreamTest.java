package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Each tenant's own event stream, as a tenant's analytics pipeline reads it: signed in to the broker's SCRAM listener as
 * tenant-acme (made by deploy/k8s/tenant-stream acme, as deploy/local/platform does for the demo tenants), it reads a
 * partnership's whole story from tenant.acme.mentoring.partnership.v1 in order, and is refused globex's stream and the
 * platform's own topics.
 */
class TenantStreamTest {

    private static final String SCRAM = System.getProperty("kafka.scram.servers", "127.0.0.1:9094");

    private static KafkaConsumer<String, String> pipeline(String tenant, String group) {
        Properties client = new Properties();
        client.put("bootstrap.servers", SCRAM);
        client.put("security.protocol", "SASL_PLAINTEXT");
        client.put("sasl.mechanism", "SCRAM-SHA-512");
        client.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"tenant-" + tenant
                + "\" password=\"tenant-" + tenant + "-local-secret\";");
        client.put("group.id", group);
        client.put("key.deserializer", StringDeserializer.class.getName());
        client.put("value.deserializer", StringDeserializer.class.getName());
        client.put("default.api.timeout.ms", "15000");
        return new KafkaConsumer<>(client);
    }

    @Test
    void aTenantsPipelineReadsItsOwnStreamInOrderAndNothingElse() {
        String topic = "tenant.acme.mentoring.partnership.v1";
        try (KafkaConsumer<String, String> acme = pipeline("acme", "tenant.acme.e2e")) {
            List<TopicPartition> partitions = acme.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            acme.assign(partitions);
            acme.seekToEnd(partitions);
            partitions.forEach(acme::position);

            String partnership = Pairs.start("acme-mentee2", "acme-mentor1");
            for (String step : List.of("pause", "resume")) {
                Platform.as("acme-mentee2").post("/api/v1/matching/partnerships/" + partnership + "/" + step).then().statusCode(200);
            }
            List<String> expected = List.of("mentorship.requested", "mentorship.accepted", "partnership.started", "partnership.paused",
                    "partnership.resumed");
            List<ConsumerRecord<String, String>> story = new ArrayList<>();
            List<String> tenants = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (story.size() < expected.size() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : acme.poll(Duration.ofMillis(500))) {
                    tenants.add(JsonPath.from(record.value()).getString("tenant"));
                    if (partnership.equals(record.key())) {
                        story.add(record);
                    }
                }
            }
            assertThat(story.stream().map(r -> JsonPath.from(r.value()).getString("type")).toList()).containsExactlyElementsOf(expected);
            assertThat(tenants).containsOnly("acme");
            System.out.println("tenant stream: tenant-acme read " + story.size() + " events of its partnership in order from " + topic);
        }
        // the same credentials are refused another tenant's stream and the platform's own topics
        for (String refused : List.of("tenant.globex.mentoring.partnership.v1", "mentoring.partnership.v1", "mentoring.participant.v1")) {
            try (KafkaConsumer<String, String> acme = pipeline("acme", "tenant.acme.e2e-refused")) {
                acme.assign(List.of(new TopicPartition(refused, 0)));
                acme.seekToBeginning(List.of(new TopicPartition(refused, 0)));
                assertThatThrownBy(() -> acme.poll(Duration.ofSeconds(10))).as(refused).isInstanceOf(AuthorizationException.class);
            }
        }
        // and a group outside its prefix
        try (KafkaConsumer<String, String> acme = pipeline("acme", "analytics-stolen")) {
            acme.subscribe(List.of("tenant.acme.mentoring.partnership.v1"));
            assertThatThrownBy(() -> acme.poll(Duration.ofSeconds(10))).isInstanceOf(AuthorizationException.class);
        }
    }
}
