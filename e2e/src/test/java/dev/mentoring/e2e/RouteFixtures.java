package dev.mentoring.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.mentoring.plumbing.testing.WebhookReceiver;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Real objects of every kind an API path names, for the generated matrices: a partnership (= its request)
 * of a mentee and a mentor with an agreement draft, both people's participant ids, the mentee's employee id,
 * a dry matching run, a session with an agenda item, a note and an action item, and (the agreement signed)
 * a goal, an evaluation and a concern the mentee raised, a program the mentee runs and both are enrolled in (with the mentee's intake), a webhook endpoint of the tenant and its delivery of that concern, an invitation to mentor. Path parameters are looked up by name; a name with no fixture fails the test
 * that met it, so a new kind of id gets its fixture here.
 */
final class RouteFixtures {

    final ApiOperations api;
    final Map<String, String> ids = new LinkedHashMap<>();
    /** How many answers were 429 and sent again after their Retry-After, and the seconds waited for them. */
    final AtomicLong limited = new AtomicLong();
    final AtomicLong limitedSeconds = new AtomicLong();

    private RouteFixtures(ApiOperations api) {
        this.api = api;
    }

    static RouteFixtures of(String mentee, String mentor, String admin) {
        RouteFixtures fixtures = new RouteFixtures(ApiOperations.fromGateway());
        String partnership = Pairs.start(mentee, mentor);
        fixtures.ids.put("requestId", partnership);
        fixtures.ids.put("partnershipId", partnership);
        fixtures.ids.put("participantId", Pairs.existingProfile(mentee));
        fixtures.ids.put("mentorId", Pairs.existingProfile(mentor));
        // a dead letter's id (<partition>-<offset> on a service's dead-letter topic): whatever it names, it is none of a
        // stranger's (session-service's DeadLetterReplayTest holds a real one of another tenant to 404)
        fixtures.ids.put("deadLetterId", "0-0");
        fixtures.ids.put("employeeId", Platform.as(mentee).get("/api/v1/matching/participants/me").then().extract().path("employeeId"));
        fixtures.send(Callers.as(mentee), fixtures.operation("PUT", "/api/v1/matching/partnerships/{partnershipId}/agreement"))
                .then().statusCode(201);
        fixtures.sessionObjects(mentee, partnership);
        fixtures.webhookEndpoint(admin);
        fixtures.program(mentee, mentor, admin);
        fixtures.feedbackObjects(mentee, mentor, partnership);
        fixtures.webhookDelivery(admin);
        fixtures.ids.put("notificationId", fixtures.notificationOf(mentee));
        fixtures.ids.put("applicationId", fixtures.mentorInvitation(admin));
        fixtures.ids.put("runId", Callers.as(admin).contentType("application/json").body("{\"objective\":\"max-score\",\"dryRun\":true}")
                .post("/api/v1/matching/matching-runs").then().statusCode(201).extract().path("id"));
        return fixtures;
    }

    /**
     * An invitation to mentor, of a person made for it (never the fixture mentee, whom a valid body in a sweep could
     * otherwise make a mentor).
     */
    private String mentorInvitation(String admin) {
        String employeeId = "FIX-INVITED-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantHr = admin.startsWith("globex") ? "hr-globex" : "hr-acme";
        String id = Callers.as(tenantHr).contentType("application/json").body("""
                {"displayName":"Invited fixture","timeZone":"UTC","languages":["en"],"yearsOfExperience":6,"seniority":"SENIOR",
                 "skills":[],"industries":["software"],"mentee":{"goals":"Give back","optedIn":false}}""")
                .put("/api/v1/matching/participants/by-employee-id/" + employeeId).then().statusCode(201).extract().path("id");
        return Callers.as(admin).post("/api/v1/matching/participants/" + id + "/mentor-invitation").then().statusCode(200)
                .extract().path("id");
    }

    /** A session of the partnership (once session-service has heard of it), with an agenda item, a note and an action item. */
    private void sessionObjects(String mentee, String partnership) {
        String sessions = "/api/v1/sessions/partnerships/" + partnership + "/sessions";
        String body = "{\"start\":\"" + java.time.LocalDate.now().plusDays(40 + (int) (Math.random() * 300)) + "T"
                + String.format("%02d", 6 + (int) (Math.random() * 12)) + ":" + String.format("%02d", (int) (Math.random() * 4) * 15)
                + ":00\",\"timeZone\":\"Europe/Copenhagen\",\"durationMinutes\":15,\"mode\":\"PHONE\",\"agenda\":[\"Where I stand\"]}";
        ExtractableResponse<Response> scheduled;
        try {
            // the partnership's (or the participants') events may still be on their way to session-service
            scheduled = Platform.eventually(() -> Platform.as(mentee).contentType("application/json").body(body).post(sessions)
                    .then().extract(), 404, 403);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (scheduled.statusCode() != 201) {
            throw new AssertionError("scheduling the fixture session: " + scheduled.statusCode() + " " + scheduled.asString());
        }
        String sessionId = scheduled.path("sessions[0].id");
        ids.put("sessionId", sessionId);
        ids.put("agendaItemId", Platform.as(mentee).get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .extract().path("agenda[0].id"));
        ids.put("noteId", Platform.as(mentee).contentType("application/json").body("{\"text\":\"A shared note\"}")
                .post("/api/v1/sessions/" + sessionId + "/notes").then().statusCode(201).extract().path("id"));
        ids.put("actionItemId", Platform.as(mentee).contentType("application/json")
                .body("{\"title\":\"Read the book\",\"assignee\":\"MENTEE\",\"dueDate\":\"" + java.time.LocalDate.now().plusDays(20) + "\"}")
                .post("/api/v1/sessions/partnerships/" + partnership + "/action-items").then().statusCode(201).extract().path("id"));
        // the public calendar feed's secret (the mentee's feed URL ends with it)
        String feed = Platform.as(mentee).post("/api/v1/sessions/calendar-feed").then().statusCode(200).extract().path("url");
        ids.put("secret", feed.substring(feed.lastIndexOf('/') + 1));
    }

    /** The agreement signed by both, so that feedback-service knows its goals and has planned the evaluations. */
    private void feedbackObjects(String mentee, String mentor, String partnership) {
        for (String signer : new String[] { mentee, mentor }) {
            Platform.as(signer).contentType("application/json").body("{\"version\":1}")
                    .post("/api/v1/matching/partnerships/" + partnership + "/agreement/signatures").then().statusCode(200);
        }
        for (int i = 0; i < 120 && (ids.get("goalId") == null || ids.get("evaluationId") == null); i++) {
            var goals = Platform.as(mentee).get("/api/v1/feedback/partnerships/" + partnership + "/goals").then().extract();
            var evaluations = Platform.as(mentee).get("/api/v1/feedback/partnerships/" + partnership + "/evaluations").then().extract();
            if (goals.statusCode() == 200 && goals.path("items[0].goalId") != null) {
                ids.put("goalId", goals.path("items[0].goalId"));
            }
            if (evaluations.statusCode() == 200 && evaluations.path("items[0].id") != null) {
                ids.put("evaluationId", evaluations.path("items[0].id"));
            }
            sleep();
        }
        if (ids.get("goalId") == null || ids.get("evaluationId") == null) {
            throw new AssertionError("feedback-service never learnt of partnership " + partnership + "'s agreement");
        }
        ids.put("concernId", Platform.as(mentee).contentType("application/json").body("{\"category\":\"OTHER\"}")
                .post("/api/v1/feedback/partnerships/" + partnership + "/concerns").then().statusCode(201).extract().path("id"));
    }

    /** The receiver of the fixture endpoint's deliveries: it answers 204 to each. */
    private static WebhookReceiver receiver;

    /**
     * A webhook endpoint of the tenant, told of raised concerns (so that the fixture concern makes a delivery), sent to a
     * receiver of this test run. The endpoints earlier runs left in the tenant go first (a tenant may have 20).
     */
    /**
     * A program only its people see (HR enrols them), enrolling, with the mentee enrolled as mentee and the mentor as
     * mentor, and the mentee made one of its admins: what the matrices need a program's admin to read, the mentee reads.
     */
    private void program(String mentee, String mentor, String admin) {
        String programs = "/api/v1/matching/programs";
        String id = Callers.as(admin).contentType("application/json")
                .body("{\"name\":\"Fixture " + UUID.randomUUID() + "\",\"joining\":\"HR_ENROLS\"}").post(programs)
                .then().statusCode(201).extract().path("id");
        String menteeEmployee = Platform.as(mentee).get("/api/v1/matching/participants/me").then().extract().path("employeeId");
        String mentorEmployee = Platform.as(mentor).get("/api/v1/matching/participants/me").then().extract().path("employeeId");
        Callers.as(admin).put(programs + "/" + id + "/admins/" + menteeEmployee).then().statusCode(201);
        Callers.as(admin).post(programs + "/" + id + "/enrolment-opening").then().statusCode(200);
        ids.put("programId", id);
        ids.put("enrolmentId", Callers.as(admin).contentType("application/json")
                .body("{\"enrolments\":[{\"employeeId\":\"" + menteeEmployee + "\",\"role\":\"MENTEE\"},{\"employeeId\":\""
                        + mentorEmployee + "\",\"role\":\"MENTOR\"}]}")
                .post(programs + "/" + id + "/enrolments").then().statusCode(200).extract().path("results[0].enrolmentId"));
        // the mentee's intake of that enrolment
        Platform.as(mentee).contentType("application/json").body("{\"hopes\":\"To lead with confidence\"}")
                .put(programs + "/" + id + "/enrolments/" + ids.get("enrolmentId") + "/intake").then().statusCode(200);
    }

    private void webhookEndpoint(String admin) {
        try {
            if (receiver == null) {
                receiver = new WebhookReceiver();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String endpoints = "/api/v1/notifications/webhooks/endpoints";
        for (Object id : Callers.as(admin).get(endpoints + "?limit=200").then().statusCode(200).extract().jsonPath().getList("items.id")) {
            Callers.as(admin).delete(endpoints + "/" + id).then().statusCode(204);
        }
        ids.put("endpointId", Callers.as(admin).contentType("application/json")
                .body("{\"url\":\"" + receiver.url("/route-fixture") + "\",\"eventTypes\":[\"concern.raised\"],\"description\":\"route fixture\"}")
                .post(endpoints).then().statusCode(201).extract().path("endpoint.id"));
    }

    /**
     * The fixture concern's delivery to the fixture endpoint, once delivered; then the endpoint is turned off, so that
     * what the matrices read of it stays as it is (no later concern of the tenant makes a delivery).
     */
    private void webhookDelivery(String admin) {
        String endpoint = "/api/v1/notifications/webhooks/endpoints/" + ids.get("endpointId");
        for (int i = 0; i < 60 && ids.get("deliveryId") == null; i++) {
            var log = Callers.as(admin).get(endpoint + "/deliveries?state=DELIVERED").then().extract();
            if (log.statusCode() == 200 && !log.jsonPath().getList("items").isEmpty()) {
                ids.put("deliveryId", log.path("items[0].id"));
            }
            sleep();
        }
        if (ids.get("deliveryId") == null) {
            throw new AssertionError("notification-service delivered no webhook of the fixture concern");
        }
        Callers.as(admin).contentType("application/json").body("{\"enabled\":false}").put(endpoint).then().statusCode(200);
    }

    /** One of the person's notifications (their partnership's start told them), once notification-service has it. */
    private String notificationOf(String person) {
        for (int i = 0; i < 60; i++) {
            var inbox = Platform.as(person).get("/api/v1/notifications/inbox?limit=1").then().extract();
            if (inbox.statusCode() == 200 && !inbox.jsonPath().getList("items").isEmpty()) {
                return inbox.path("items[0].id");
            }
            sleep();
        }
        throw new AssertionError("notification-service never told " + person + " of anything");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    ApiOperations.Operation operation(String method, String path) {
        return api.operations.stream().filter(op -> op.method().equals(method) && op.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("the API document has no " + method + " " + path));
    }

    String id(ApiOperations.Operation op, String parameter) {
        String id = ids.get(parameter);
        if (id == null) {
            throw new AssertionError("no fixture for the path parameter {" + parameter + "} of " + op + ": add one to RouteFixtures");
        }
        return id;
    }

    /** Required headers with valid values. */
    RequestSpecification headers(RequestSpecification request, ApiOperations.Operation op) {
        for (ApiOperations.Parameter p : op.parameters()) {
            if (p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key")) {
                request.header(p.name(), UUID.randomUUID().toString());
            } else if (p.in().equals("header") && p.name().equalsIgnoreCase("If-Match")) {
                // "*" matches whatever version the object is at now, so an edit reaches the resource however often it changed
                request.header(p.name(), "*");
            }
        }
        return request;
    }

    String validBody(ApiOperations.Operation op) {
        return ApiOperations.json(api.validValue(op.bodySchema(), ids::get));
    }

    /** The operation with fixture ids, valid headers and a valid body made from its schema. */
    Response send(RequestSpecification request, ApiOperations.Operation op) {
        headers(request, op);
        // a required query parameter (a role to leave a program as) gets a valid value from its schema
        for (ApiOperations.Parameter parameter : op.parameters()) {
            if (parameter.in().equals("query") && parameter.required()) {
                request.queryParam(parameter.name(), api.validValue(parameter.schema(), ids::get).asText());
            }
        }
        if (op.bodySchema() != null) {
            request.contentType("application/json").body(validBody(op));
        }
        String path = op.pathWith(name -> id(op, name));
        Response answer = request.request(op.method(), path);
        // the matrices send faster than one person may: a 429 never reached the service, so it is sent again
        for (int retry = 0; retry < 5 && answer.statusCode() == 429; retry++) {
            try {
                long retryAfter = Long.parseLong(answer.header("Retry-After"));
                limited.incrementAndGet();
                limitedSeconds.addAndGet(retryAfter);
                Thread.sleep(retryAfter * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = request.request(op.method(), path);
        }
        return answer;
    }
}
