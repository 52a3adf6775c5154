package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.WebhookReceiver;
import dev.mentoring.plumbing.testing.WebhookReceiver.Received;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks through HAProxy, two gateways and two instances of every service, with a real Keycloak token of the tenant's
 * HR client: a partnership's whole story reaches the tenant's endpoint, each delivery verified by the Standard Webhooks
 * reference library, in the order it happened (whichever notification-service instance sent it), and the delivery log
 * shows each delivered.
 */
class WebhookScenarioTest {

    private static final String WEBHOOKS = "/api/v1/notifications/webhooks/endpoints";
    private static final List<String> STORY = List.of("mentorship.requested", "mentorship.accepted", "partnership.started",
            "partnership.paused", "partnership.resumed", "partnership.paused", "partnership.resumed");

    @Test
    void aPartnershipsEventsReachTheTenantsEndpointSignedAndInOrder() throws Exception {
        String hr = "Bearer " + Platform.clientToken("hr-acme", "hr-acme-local-secret");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = Platform.anonymous().header("Authorization", hr).contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/hooks/mentoring"), "eventTypes", List.of("mentorship.requested", "mentorship.accepted",
                            "partnership.started", "partnership.paused", "partnership.resumed"), "description", "e2e HR sync"))
                    .post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
            String endpoint = created.getString("endpoint.id");
            receiver.trusting(created.getString("secret"));
            try {
                String partnership = Pairs.start("acme-mentee3", "acme-mentor3");
                for (String step : List.of("pause", "resume", "pause", "resume")) {
                    Platform.as("acme-mentee3").post("/api/v1/matching/partnerships/" + partnership + "/" + step).then().statusCode(200);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> ofPartnership(receiver, partnership).size() >= STORY.size());
                List<Received> story = ofPartnership(receiver, partnership);
                assertThat(story).allSatisfy(r -> {
                    assertThat(r.verified()).as("verified by the Standard Webhooks library").isTrue();
                    assertThat(r.id()).isEqualTo(r.eventId());
                    assertThat(r.event().path("tenant").asText()).isEqualTo("acme");
                });
                assertThat(story.stream().map(Received::type).toList()).containsExactlyElementsOf(STORY);
                assertThat(receiver.received()).allSatisfy(r -> assertThat(r.event().path("tenant").asText()).isEqualTo("acme"));

                JsonPath log = Platform.anonymous().header("Authorization", hr).get(WEBHOOKS + "/" + endpoint + "/deliveries?limit=200")
                        .then().statusCode(200).extract().jsonPath();
                List<String> delivered = log.getList("items.findAll { it.state == 'DELIVERED' }.eventId");
                assertThat(delivered).containsAll(story.stream().map(Received::eventId).toList());
                System.out.println("webhook scenario: " + story.size() + " events of one partnership delivered in order, "
                        + "each verified with the Standard Webhooks reference library");
            } finally {
                Platform.anonymous().header("Authorization", hr).delete(WEBHOOKS + "/" + endpoint).then().statusCode(204);
            }
        }
    }

    private static List<Received> ofPartnership(WebhookReceiver receiver, String partnership) {
        return receiver.received().stream().filter(r -> partnership.equals(r.event().path("partitionkey").asText()))
                .filter(r -> r.answered() / 100 == 2).toList();
    }
}
