package dev.mentoring.sessions.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** What the service's API document promises about lists and concurrent edits. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ApiDocumentTest {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> operation(JsonPath doc, String id) {
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        return paths.values().stream().flatMap(ops -> ops.values().stream()).filter(op -> id.equals(op.get("operationId")))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + id));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ifMatch(Map<String, Object> operation) {
        return ((List<Map<String, Object>>) operation.get("parameters")).stream()
                .filter(p -> "If-Match".equals(p.get("name")) && "header".equals(p.get("in"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Object> operation) {
        return (Map<String, Object>) operation.get("responses");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyListIsAPageAndNoAnswerIsABareArray() {
        JsonPath doc = document();
        List<String> bare = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, ops) -> ops.forEach((method, op) -> responses(op).forEach((status, answer) -> {
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) ((Map<String, Object>) answer).get("content");
            if (content != null && content.values().stream()
                    .anyMatch(media -> "array".equals(((Map<String, Object>) media.get("schema")).get("type")))) {
                bare.add(method + " " + path + " " + status);
            }
        })));
        assertThat(paths).isNotEmpty();
        assertThat(bare).isEmpty();
        assertThat(paths).doesNotContainKeys("/mine", "/all").containsKey("/");
        for (String list : List.of("listSessions", "listPartnershipSessions", "listNotes", "listActionItems")) {
            assertThat(responses(operation(doc, list)).toString()).as(list).contains("#/components/schemas/Page");
        }
        assertThat(doc.getMap("components.schemas")).doesNotContainKey("SessionSummary");
    }

    @Test
    void editsOfWhatTwoPeopleWriteNeedIfMatchAndSessionChangesMaySendIt() {
        JsonPath doc = document();
        for (String required : List.of("changeAgendaItem", "removeAgendaItem", "changeNote", "removeNote", "changeActionItem")) {
            Map<String, Object> op = operation(doc, required);
            assertThat(ifMatch(op)).as(required).isNotNull().containsEntry("required", true);
            assertThat(responses(op)).as(required).containsKeys("412", "428");
        }
        for (String optional : List.of("rescheduleSession", "cancelSession", "completeSession")) {
            Map<String, Object> op = operation(doc, optional);
            assertThat(ifMatch(op)).as(optional).isNotNull().doesNotContainEntry("required", true);
            assertThat(responses(op)).as(optional).containsKey("412").doesNotContainKey("428");
        }
        for (String tagged : List.of("getSession", "rescheduleSession", "cancelSession", "completeSession", "addAgendaItem",
                "changeAgendaItem", "addNote", "changeNote", "createActionItem", "changeActionItem")) {
            assertThat(responses(operation(doc, tagged)).toString()).as(tagged).contains("headers={ETag=");
        }
    }
}
