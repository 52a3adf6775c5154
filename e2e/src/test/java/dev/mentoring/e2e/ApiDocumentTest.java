package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * docs/openapi.json, from which the Java client is generated at build time and the TypeScript client in the test
 * command, is the combined document the gateway publishes: not an old copy. When a service's API changes, refresh it
 * with {@code deploy/local/platform api-document} (on a running platform) and commit it with the change.
 */
class ApiDocumentTest {

    @Test
    void theCommittedDocumentIsTheOneTheGatewayPublishes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode published = json.readTree(Platform.anonymous().get("/openapi").then().statusCode(200).extract().asString());
        JsonNode committed = json.readTree(Files.readString(Platform.ROOT.resolve("docs/openapi.json")));
        assertThat(published.has("x-unavailable-services")).as("every service's document in the combined one").isFalse();
        assertThat(committed)
                .as("docs/openapi.json is the gateway's /openapi (refresh it: deploy/local/platform api-document)")
                .isEqualTo(published);
    }
}
