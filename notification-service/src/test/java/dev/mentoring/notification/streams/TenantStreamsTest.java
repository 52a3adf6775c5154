package dev.mentoring.notification.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mentoring.notification.Fixtures;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Each tenant's own stream, against the real Kafka: a tenant whose stream topics exist gets a copy of each of its
 * events, as published and under the same key, in order; another tenant's events never land there. (The test profile
 * prefixes the streams with test.tenant. and lists the topics every second.)
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TenantStreamsTest {

    private static String publish(String tenant, String key, String type) {
        return Fixtures.partnershipEvent(tenant, key, type);
    }

    @Test
    void aTenantsStreamHoldsItsOwnEventsUnderTheSameKeysInOrder() throws Exception {
        String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String stream = "test.tenant." + tenant + ".mentoring.partnership.v1";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092")))) {
            admin.createTopics(List.of(new NewTopic(stream, 3, (short) 1))).all().get();
        }
        Thread.sleep(2000); // the service lists the stream topics every second here (30 s by default)
        try (TopicReader reader = new TopicReader(stream)) {
            String key = UUID.randomUUID().toString();
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(publish(tenant, key, i % 2 == 0 ? "partnership.paused" : "partnership.resumed"));
                publish(other, key, "partnership.paused"); // the same key, another tenant: never in this stream
            }
            String elsewhere = UUID.randomUUID().toString();
            String lone = publish(tenant, elsewhere, "partnership.started");

            List<ConsumerRecord<String, String>> copies = reader.settled(r -> true, sent.size() + 1);
            assertThat(copies).allSatisfy(r -> assertThat(JsonPath.from(r.value()).getString("tenant")).isEqualTo(tenant));
            assertThat(copies.stream().filter(r -> r.key().equals(key)).map(r -> JsonPath.from(r.value()).getString("id")).toList())
                    .containsExactlyElementsOf(sent);
            assertThat(copies.stream().filter(r -> r.key().equals(elsewhere)).map(r -> JsonPath.from(r.value()).getString("id")).toList())
                    .containsExactly(lone);
            // the copy is the event as published
            assertThat(JsonPath.from(copies.get(0).value()).getString("specversion")).isEqualTo("1.0");
        }
    }
}
