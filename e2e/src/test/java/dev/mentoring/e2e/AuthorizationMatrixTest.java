package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Object- and function-level authorisation, generated from the combined API document so that a new route
 * is covered without a test written for it. For every operation with an id in its path, callers of the
 * other tenant (each role the operation admits) and unrelated mentors and mentees of the same tenant get
 * 403 or 404 and change nothing; every operation that does not admit mentees refuses a mentee with 403,
 * and every operation that does not admit HR platforms refuses one with 403. Requests carry valid bodies
 * made from the operation's schema, so that a refusal is the authorisation's and not the validation's.
 * A path parameter with no fixture fails the test: a new kind of id needs one line in {@link RouteFixtures}.
 */
class AuthorizationMatrixTest {
    // the function-level matrix: mentees, HR platforms (integration) and analytics clients, each on every
    // operation its role is not admitted to

    private static final String MENTEE = "acme-mentee2";
    private static final String MENTOR = "acme-mentor3";
    private static RouteFixtures fixtures;
    private static ApiOperations api;

    @BeforeAll
    static void aPartnershipWithAnAgreementDraftAndAMatchingRun() {
        fixtures = RouteFixtures.of(MENTEE, MENTOR, "acme-admin");
        api = fixtures.api;
    }

    private static Response send(RequestSpecification request, ApiOperations.Operation op) {
        return fixtures.send(request, op);
    }

    /** What the entitled callers see of every object and setting before and after the attempts. */
    private static Map<String, String> snapshot() {
        Map<String, String> seen = new LinkedHashMap<>();
        for (ApiOperations.Operation op : api.operations) {
            if (op.method().equals("GET") && !op.roles().isEmpty() && !op.streaming()) {
                // a route first of all for program admins (people who run a program pass too, and see less) is read by one
                String owner = op.roles().get(0).equals("program-admin") ? Callers.name("acme", "program-admin", 1)
                        : op.roles().contains("mentee") ? MENTEE : op.roles().contains("mentor") ? MENTOR
                        : Callers.name("acme", op.roles().get(0), 1);
                Response answer = send(Callers.as(owner), op);
                // the fixtures are right: what strangers are refused, its owner reads (a 404 for all would prove nothing)
                assertThat(answer.statusCode()).as(op + " as its owner " + owner + ": " + answer.asString()).isBetween(200, 299);
                // a person's inbox list and unread count change with the platform's own events (each event any job
                // publishes tells someone); each notification's own read state is compared through GET /inbox/{notificationId}
                if (op.path().equals("/api/v1/notifications/inbox") || op.path().equals("/api/v1/notifications/inbox/unread-count")) {
                    continue;
                }
                // a calendar's DTSTAMP is the time it was made, not a change; nor is a health's computedAt, which the daily
                // assessment stamps on its own (every second in the e2e run, where every job runs every second)
                seen.put(op + " as " + owner, answer.statusCode() + " " + answer.asString().replaceAll("DTSTAMP:\\S+", "DTSTAMP")
                        .replaceAll("\"computedAt\":\"[^\"]*\"", "\"computedAt\""));
            }
        }
        return seen;
    }

    @Test
    void strangersOfTheOtherTenantAndOfTheSameTenantGet403Or404AndChangeNothing() {
        Map<String, String> before = snapshot();
        List<String> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation op : api.operations) {
            if (!op.hasPathParameters()) {
                continue;
            }
            if (op.method().equals("PUT") && op.responseCodes().contains("201") && op.path().contains("{employeeId}")
                    && !op.path().contains("{programId}")) {
                // an upsert keyed by the caller's own HR ids: another tenant writing "A-2002" writes its own record
                skipped.add(op.toString());
                continue;
            }
            List<String> strangers = new ArrayList<>();
            op.roles().forEach(role -> strangers.add(Callers.name("globex", role, 1)));
            if (op.roles().contains("mentee")) {
                strangers.add("acme-mentee4");
            }
            if (op.roles().contains("mentor")) {
                strangers.add("acme-mentor1");
            }
            for (String stranger : strangers) {
                Response answer = send(Callers.as(stranger), op);
                sent++;
                if (answer.statusCode() != 403 && answer.statusCode() != 404) {
                    failures.add(op + " as " + stranger + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(sent).as("requests of the object-level matrix").isGreaterThan(100);
        assertThat(snapshot()).isEqualTo(before);
        System.out.printf("object-level matrix: %d requests by strangers, none let through (skipped: %s; 429 so far: %d, %d s waited)%n",
                sent, skipped, fixtures.limited.get(), fixtures.limitedSeconds.get());
    }

    @Test
    void aMenteeAndAnHrPlatformGet403OnEveryOperationTheirRoleMayNotCall() {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (ApiOperations.Operation op : api.operations) {
            if (op.roles().isEmpty()) {
                continue;
            }
            for (String[] caller : new String[][] { { "mentee", "acme-mentee1" }, { "integration", "hr-acme" },
                    { "analytics", "analytics-acme" } }) {
                if (!op.roles().contains(caller[0])) {
                    Response answer = send(Callers.as(caller[1]), op);
                    sent++;
                    if (answer.statusCode() != 403 || !answer.contentType().startsWith("application/problem+json")) {
                        failures.add(op + " as " + caller[1] + ": " + answer.statusCode() + " " + answer.asString());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(sent).as("requests of the function-level matrix").isGreaterThan(100);
        System.out.printf("function-level matrix: %d requests by roles not admitted, all 403 (429 so far: %d, %d s waited)%n", sent,
                fixtures.limited.get(), fixtures.limitedSeconds.get());
    }
}
