package dev.mentoring.feedback.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mentoring.feedback.Fixtures;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EventConsumersTest {

    @Inject
    Pool pool;

    private String sessionState(UUID id) {
        return pool.preparedQuery("select state from session_copy where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next().getString(0);
    }

    @Test
    void anOlderSessionEventAfterANewerOneChangesNothingAndAPoisonEventGoesToTheDeadLetterTopic() {
        Fixtures.Pair pair = Fixtures.started(pool);
        OffsetDateTime start = OffsetDateTime.now().minusHours(2);
        UUID session = Fixtures.session(pool, pair, "session.completed", "COMPLETED", start, null, 2);
        Fixtures.sessionEvent(pair, session, "session.scheduled", "SCHEDULED", start, null, 0); // late, older
        try (TopicReader deadLetters = new TopicReader("test.mentoring.feedback-service.dlq")) {
            String key = "poison-" + UUID.randomUUID();
            Fixtures.publish(Fixtures.SESSIONS, key, pair.tenant(), "session.completed", "{\"sessionId\":\"not-a-uuid\"}");
            var dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(dead).isNotNull();
            assertThat(TopicReader.header(dead, "dead-letter-reason")).contains("data unreadable");
        }
        // the events behind the poison one are still handled, and the stale one changed nothing
        UUID after = Fixtures.session(pool, pair, "session.completed", "COMPLETED", start.minusDays(1), null, 1);
        assertThat(sessionState(after)).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sessionState(session)).isEqualTo("COMPLETED"));
    }
}
