package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The API document says what the API does: paths in the domain's words, pages for lists, ETags and If-Match, told-apart shapes. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiDocumentTest {

    private static Map<String, Object> document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String... keys) {
        Object current = value;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsNamedDescribedAndAnswersAndNoListIsABareArray() {
        Map<String, Object> paths = map(document(), "paths");
        assertThat(paths).containsKeys("/settings", "/settings/weights", "/settings/partnership-limits", "/partnerships",
                "/mentorship-requests").doesNotContainKeys("/matching/weights", "/matching/partnership-limits", "/partnerships/mine");
        List<String> problems = new ArrayList<>();
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            Map<String, Object> op = (Map<String, Object>) value;
            String name = method.toUpperCase() + " " + path;
            if (op.get("operationId") == null || (op.get("summary") == null && op.get("description") == null)) {
                problems.add(name + ": no operationId or summary");
            }
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            if (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(name + ": no success answer");
                return;
            }
            responses.forEach((code, response) -> {
                Map<String, Object> content = map(response, "content");
                if (code.startsWith("2") && content != null && content.get("application/json") != null) {
                    Map<String, Object> schema = map(content, "application/json", "schema");
                    if (schema != null && "array".equals(schema.get("type"))) {
                        problems.add(name + ": answers a bare array");
                    }
                }
            });
        }));
        assertThat(problems).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theParticipantsTwoShapesHaveADiscriminatorAndEditsDeclareIfMatch() {
        Map<String, Object> document = document();
        Map<String, Object> schema = map(document, "paths", "/participants/{participantId}", "get", "responses", "200", "content",
                "application/json", "schema");
        // a named schema, so that generated clients get a named type
        assertThat(schema).containsEntry("$ref", "#/components/schemas/ParticipantProfileOrCard");
        schema = map(document, "components", "schemas", "ParticipantProfileOrCard");
        assertThat(schema.get("oneOf")).asList().hasSize(2);
        assertThat(map(schema, "discriminator")).containsEntry("propertyName", "view");
        assertThat(map(schema, "discriminator", "mapping")).containsKeys("PROFILE", "DIRECTORY_CARD");
        for (String[] edit : new String[][] { { "/participants/me", "put" }, { "/participants/by-employee-id/{employeeId}", "put" },
                { "/settings/weights", "put" }, { "/settings/partnership-limits", "put" }, { "/partnerships/{partnershipId}/agreement", "put" } }) {
            Map<String, Object> op = map(document, "paths", edit[0], edit[1]);
            assertThat((List<Map<String, Object>>) op.get("parameters")).as(edit[0])
                    .anySatisfy(p -> assertThat(p).containsEntry("name", "If-Match").containsEntry("in", "header"));
            assertThat(map(op, "responses")).as(edit[0]).containsKey("412");
            assertThat(map(op, "responses", "200", "headers")).as(edit[0]).containsKey("ETag");
        }
        assertThat(map(document, "paths", "/partnerships/{partnershipId}/agreement", "put", "responses")).containsKey("428");
    }
}
