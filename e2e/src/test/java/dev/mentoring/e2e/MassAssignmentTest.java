package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * Mass assignment, for every write in the combined API document: a valid body from the operation's schema
 * plus the fields no caller may set (tenant, ids, employee id, capacity, active, state, version,
 * timestamps) wherever the schema does not declare them, sent by a caller the operation admits. The
 * fields are ignored or refused, never stored: no answer and nothing any entitled caller reads afterwards
 * carries an injected value, and the people stay active with their capacity.
 */
class MassAssignmentTest {

    private static final String MARK = "INJECTED";
    private static final String INJECTED_ID = UUID.randomUUID().toString();
    private static final Map<String, Object> FORBIDDEN = Map.ofEntries(
            Map.entry("tenant", MARK + "-tenant"), Map.entry("tenantId", MARK + "-tenant"),
            Map.entry("id", INJECTED_ID), Map.entry("participantId", INJECTED_ID), Map.entry("partnershipId", INJECTED_ID),
            Map.entry("menteeId", INJECTED_ID), Map.entry("employeeId", MARK + "-E1"), Map.entry("subject", MARK + "-sub"),
            Map.entry("capacity", 97), Map.entry("active", false), Map.entry("state", MARK + "_STATE"),
            Map.entry("status", MARK + "_STATUS"), Map.entry("version", 97),
            Map.entry("createdAt", "1999-12-31T23:59:59Z"), Map.entry("updatedAt", "1999-12-31T23:59:59Z"),
            Map.entry("signedAt", "1999-12-31T23:59:59Z"), Map.entry("inForce", Map.of("version", 97)));
    private static RouteFixtures fixtures;
    private static TenantSettings settings;

    @BeforeAll
    static void fixtures() throws java.io.IOException {
        settings = TenantSettings.save("acme-admin");
        Pairs.importSeed("acme");
        fixtures = RouteFixtures.of("acme-mentee1", "acme-mentor1", "acme-admin");
    }

    @AfterAll
    static void seedAgain() throws java.io.IOException {
        Pairs.importSeed("acme"); // the writes above were real: the demo profiles are as seeded again
        settings.restore();
    }

    private static String owner(ApiOperations.Operation op) {
        String role = op.roles().get(0);
        return role.equals("mentee") ? "acme-mentee1" : role.equals("mentor") ? "acme-mentor1" : Callers.name("acme", role, 1);
    }

    private static boolean leaks(String text) {
        return text.contains(MARK) || text.contains(INJECTED_ID) || text.contains("1999-12-31");
    }

    @Test
    void fieldsNoCallerMaySetAreNeverStored() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (ApiOperations.Operation op : fixtures.api.operations) {
            if (op.bodySchema() == null || op.roles().isEmpty()) {
                continue;
            }
            var declared = fixtures.api.properties(fixtures.api.resolve(op.bodySchema())).keySet();
            var body = fixtures.api.validValue(op.bodySchema(), fixtures.ids::get);
            if (!(body instanceof ObjectNode object)) {
                continue;
            }
            FORBIDDEN.forEach((name, value) -> {
                if (!declared.contains(name)) {
                    object.putPOJO(name, value);
                }
            });
            var request = fixtures.headers(Callers.as(owner(op)), op).contentType("application/json").body(ApiOperations.json(object));
            Response answer = request.request(op.method(), op.pathWith(name -> fixtures.id(op, name)));
            sent++;
            statuses.merge(Integer.toString(answer.statusCode()), 1, Integer::sum);
            if (answer.statusCode() >= 500 || leaks(answer.asString())) {
                failures.add(op + ": " + answer.statusCode() + " " + answer.asString());
            }
        }
        for (ApiOperations.Operation op : fixtures.api.operations) {
            if (op.method().equals("GET") && !op.roles().isEmpty() && !op.streaming()) {
                Response answer = fixtures.send(Callers.as(owner(op)), op);
                if (leaks(answer.asString())) {
                    failures.add("afterwards " + op + " shows " + answer.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
        for (String person : List.of("acme-mentee1", "acme-mentor1")) {
            Platform.as(person).get("/api/v1/matching/participants/me").then().statusCode(200)
                    .body("active", org.hamcrest.Matchers.equalTo(true));
        }
        Integer capacity = Platform.as("acme-mentor1").get("/api/v1/matching/participants/me").then().extract().path("mentor.capacity");
        assertThat(capacity).isNotEqualTo(97);
        System.out.printf("mass assignment: %d writes with %d forbidden fields each (answers %s), none stored%n", sent,
                FORBIDDEN.size(), statuses);
    }
}
