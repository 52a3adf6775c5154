package dev.mentoring.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Real objects of every kind an API path names, for the generated matrices: a partnership (= its request)
 * of a mentee and a mentor with an agreement draft, both people's participant ids, the mentee's employee id
 * and a dry matching run. Path parameters are looked up by name; a name with no fixture fails the test
 * that met it, so a new kind of id gets its fixture here.
 */
final class RouteFixtures {

    final ApiOperations api;
    final Map<String, String> ids = new LinkedHashMap<>();

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
        fixtures.ids.put("employeeId", Platform.as(mentee).get("/api/v1/matching/participants/me").then().extract().path("employeeId"));
        fixtures.send(Callers.as(mentee), fixtures.operation("PUT", "/api/v1/matching/partnerships/{partnershipId}/agreement"))
                .then().statusCode(201);
        fixtures.ids.put("runId", Callers.as(admin).contentType("application/json").body("{\"objective\":\"max-score\",\"dryRun\":true}")
                .post("/api/v1/matching/matching-runs").then().statusCode(201).extract().path("id"));
        return fixtures;
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
                request.header(p.name(), "\"1\"");
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
        if (op.bodySchema() != null) {
            request.contentType("application/json").body(validBody(op));
        }
        return request.request(op.method(), op.pathWith(name -> id(op, name)));
    }
}
