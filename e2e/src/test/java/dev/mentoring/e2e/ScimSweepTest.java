package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bad-input sweep and the authorization matrix over the SCIM routes (not in the API document, so the sweeps over
 * its operations do not reach them): bodies that are not JSON, not UTF-8, of the wrong shape, with each attribute of
 * the wrong type, too long, deeply nested; generated filters and PATCH requests, most of them broken; garbage paging,
 * projections, ids and headers. Every answer must be a SCIM error document with the status it carries, or a 2xx where
 * the input happens to be acceptable; never a 5xx. Only the HR client's token is admitted: a mentee, a mentor, a
 * program admin get 403, no token 401. Straight to matching-service with real Keycloak tokens (the gateway would
 * mostly rate-limit the sweep); the count is printed.
 */
class ScimSweepTest {

    static final String SCIM = "application/scim+json";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String MENTORING = "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String BASE = Platform.SERVICES.get("matching");
    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().encodeContentTypeAs(SCIM, io.restassured.http.ContentType.TEXT)
                    .encodeContentTypeAs("application/json", io.restassured.http.ContentType.TEXT)
                    .appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static String hr;
    private static String user;
    private static String group;
    private static int requests;

    @BeforeAll
    static void fixtures() {
        hr = "Bearer " + Platform.clientToken("hr-acme", "hr-acme-local-secret");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        user = request().contentType(SCIM).body("{\"userName\":\"sweep." + suffix + "@acme.example\",\"" + ENTERPRISE
                + "\":{\"employeeNumber\":\"SWEEP-" + suffix + "\"},\"emails\":[{\"value\":\"a@acme.example\",\"type\":\"work\"}]}")
                .post("/scim/v2/Users").then().statusCode(201).extract().path("id");
        group = request().contentType(SCIM).body("{\"displayName\":\"Sweep " + suffix + "\",\"members\":[{\"value\":\"" + user + "\"}]}")
                .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification request() {
        return given().config(RAW).baseUri(BASE).urlEncodingEnabled(true).header("Authorization", hr);
    }

    private static void check(String what, Response response) {
        requests++;
        int status = response.statusCode();
        assertThat(status).as(what + ": " + response.asString()).isLessThan(500);
        if (status >= 400) {
            assertThat(response.contentType()).as(what).startsWith(SCIM);
            assertThat(response.jsonPath().getList("schemas", String.class)).as(what).contains("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(response.jsonPath().getString("status")).as(what).isEqualTo(String.valueOf(status));
            assertThat(response.asString()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    /** How many of {@link #brokenBodies()} come first and are about no attribute in particular. */
    private static final int GENERIC_BODIES = 14;

    private static List<String> brokenBodies() {
        List<String> bodies = new ArrayList<>(List.of("", "{}", "[]", "\"text\"", "null", "12345", "{\"a\":", "{\"a\":1}}",
                "{\"a\":1,\"a\":2}", "[".repeat(20_000) + "]".repeat(20_000), "{\"userName\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                "{\"userName\":\"" + "x".repeat(100_000) + "\"}", "{\"userName\":\"a\u0000b\"}", "{\"displayName\":\"\u0000\"}"));
        String[] attributes = {"userName", "displayName", "active", "timezone", "preferredLanguage", "emails", "name", "externalId",
                "members", "Operations", "schemas", "id", "meta", "groups", "phoneNumbers", "addresses", "title"};
        String[] wrong = {"1", "true", "null", "[]", "{}", "\"\"", "[1,2]", "[{\"value\":{}}]", "{\"value\":[]}", "\"x\"",
                "\"" + "y".repeat(300) + "\"", "-1", "1e400", "[null]"};
        for (String attribute : attributes) {
            for (String value : wrong) {
                bodies.add("{\"userName\":\"wt@acme.example\",\"externalId\":\"WT-1\",\"" + attribute + "\":" + value + "}");
            }
        }
        for (String ext : new String[] {ENTERPRISE, MENTORING}) {
            for (String attribute : new String[] {"employeeNumber", "manager", "department", "mentor", "mentorCapacity", "seniority",
                    "yearsOfExperience", "expertise", "industries"}) {
                for (String value : wrong) {
                    bodies.add("{\"userName\":\"wt@acme.example\",\"externalId\":\"WT-1\",\"" + ext + "\":{\"" + attribute + "\":" + value + "}}");
                }
            }
            bodies.add("{\"userName\":\"wt@acme.example\",\"" + ext + "\":\"not an object\"}");
        }
        return bodies;
    }

    private static List<String> filters(Random random) {
        List<String> filters = new ArrayList<>(List.of("userName eq", "userName eq \"a", "(userName pr", "not userName pr", "emails[",
                "emails[type eq \"work\"", "nope eq 1", "userName gt true", "active co \"t\"", "meta.created gt \"never\"", "name eq \"x\"",
                "userName eq \"a\" and", "(".repeat(1000) + "userName pr" + ")".repeat(1000), "x".repeat(5000),
                "urn:nope:x eq 1", "userName eq \"\\ud800\"", "members[value eq \"x\"][value pr]", "\u0000", "userName eq 1e999999999"));
        String[] pieces = {"userName", "emails", "[", "]", "(", ")", " ", "\"", "eq", "and", "or", "not", "pr", "\\", ".", "value",
                "type", "\"work\"", "true", "null", "12", ENTERPRISE + ":", "manager", "co", "gt", "meta.lastModified", "members",
                "displayName", "\"2026-01-01T00:00:00Z\"", "é", "$ref", "'"};
        for (int i = 0; i < 150; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = 0, n = 1 + random.nextInt(10); j < n; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            filters.add(text.toString());
        }
        return filters;
    }

    private static List<String> patches(Random random) {
        String[] ops = {"add", "Replace", "REMOVE", "move", "", "1", null};
        String[] paths = {"userName", "emails[type eq \"work\"].value", "emails[", "members", "members[value eq \"x\"]", "id", "meta",
                "groups", "name.givenName", "urn:nope", ENTERPRISE, ENTERPRISE + ":manager", MENTORING + ":mentorCapacity", "displayName",
                "active", "emails.value", "nope", "", "x".repeat(5000), null};
        String[] values = {"1", "\"x\"", "true", "\"False\"", "null", "[]", "{}", "[{\"value\":\"" + UUID.randomUUID() + "\"}]",
                "{\"active\":\"maybe\"}", "{\"userName\":\"\"}", "{\"" + ENTERPRISE + "\":{\"employeeNumber\":\"bad id!\"}}",
                "[1,2,3]", "{\"members\":[{\"value\":\"not-an-id\"}]}", "\"" + "z".repeat(300) + "\"", "99999999999", null};
        List<String> patches = new ArrayList<>(List.of("{}", "{\"Operations\":[]}", "{\"Operations\":{}}", "{\"Operations\":[1]}",
                "{\"schemas\":[\"urn:x\"],\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}",
                "{\"Operations\":[" + "{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"},".repeat(1001) + "{\"op\":\"add\"}]}"));
        for (int i = 0; i < 200; i++) {
            StringBuilder operations = new StringBuilder();
            for (int j = 0, n = 1 + random.nextInt(3); j < n; j++) {
                String op = ops[random.nextInt(ops.length)];
                String path = paths[random.nextInt(paths.length)];
                String value = values[random.nextInt(values.length)];
                operations.append(j == 0 ? "" : ",").append("{")
                        .append(op == null ? "" : "\"op\":\"" + op + "\"")
                        .append(path == null ? "" : (op == null ? "" : ",") + "\"path\":" + quoted(path))
                        .append(value == null ? "" : (op == null && path == null ? "" : ",") + "\"value\":" + value).append("}");
            }
            patches.add("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operations + "]}");
        }
        return patches;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void noScimInputGetsAServerErrorAndEveryRefusalIsAScimError() throws Exception {
        Random random = new Random(2026);
        List<String> bodies = brokenBodies();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            check("POST Users " + clip(body), request().contentType(SCIM).body(body).post("/scim/v2/Users"));
            check("PUT User " + clip(body), request().contentType(SCIM).body(body).put("/scim/v2/Users/" + user));
            check("PUT Group " + clip(body), request().contentType(SCIM).body(body.replace("userName", "displayName")).put("/scim/v2/Groups/" + group));
            if (i < GENERIC_BODIES) { // the bodies of no particular attribute, on every route that reads one
                check("POST Groups " + clip(body), request().contentType(SCIM).body(body).post("/scim/v2/Groups"));
                check("PATCH User " + clip(body), request().contentType(SCIM).body(body).patch("/scim/v2/Users/" + user));
                check("PATCH Group " + clip(body), request().contentType(SCIM).body(body).patch("/scim/v2/Groups/" + group));
                check("search " + clip(body), request().contentType(SCIM).body(body).post("/scim/v2/Users/.search"));
            }
        }
        check("invalid UTF-8", request().contentType(SCIM).body(new byte[] {'{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})
                .post("/scim/v2/Users"));
        for (String filter : filters(random)) {
            check("filter Users " + clip(filter), request().queryParam("filter", filter).get("/scim/v2/Users"));
            check("filter Groups " + clip(filter), request().queryParam("filter", filter).get("/scim/v2/Groups"));
            check("search filter " + clip(filter), request().contentType(SCIM).body("{\"filter\":" + quoted(filter) + "}")
                    .post("/scim/v2/Groups/.search"));
        }
        for (String patch : patches(random)) {
            check("PATCH User " + clip(patch), request().contentType(SCIM).body(patch).patch("/scim/v2/Users/" + user));
            check("PATCH Group " + clip(patch), request().contentType(SCIM).body(patch).patch("/scim/v2/Groups/" + group));
        }
        for (Map.Entry<String, String> query : List.of(Map.entry("startIndex", "x"), Map.entry("startIndex", "-5"),
                Map.entry("startIndex", "99999999999"), Map.entry("count", "-1"), Map.entry("count", "1e3"), Map.entry("count", "100000"),
                Map.entry("attributes", "nope,userName"), Map.entry("attributes", "emails[type eq \"work\"]"),
                Map.entry("excludedAttributes", "urn:nope:x"), Map.entry("excludedAttributes", ","), Map.entry("sortBy", "userName"))) {
            check("query " + query, request().queryParam(query.getKey(), query.getValue()).get("/scim/v2/Users"));
            check("query " + query, request().queryParam(query.getKey(), query.getValue()).get("/scim/v2/Groups"));
            check("query " + query, request().queryParam(query.getKey(), query.getValue()).get("/scim/v2/Users/" + user));
        }
        for (String id : List.of("x", "00000000-0000-0000-0000-000000000000", "%00", "..%2F..", "a".repeat(5000), UUID.randomUUID() + "x")) {
            for (String resource : List.of("Users", "Groups")) {
                check("id " + clip(id), request().get("/scim/v2/" + resource + "/" + id));
                check("id " + clip(id), request().delete("/scim/v2/" + resource + "/" + id));
                check("id " + clip(id), request().contentType(SCIM).body("{}").put("/scim/v2/" + resource + "/" + id));
                check("id " + clip(id), request().contentType(SCIM).body("{}").patch("/scim/v2/" + resource + "/" + id));
            }
        }
        for (String ifMatch : List.of("garbage", "W/\"x\"", "\"" + "9".repeat(40) + "\"", "", "*, \"1\"")) {
            check("If-Match " + ifMatch, request().header("If-Match", ifMatch).contentType(SCIM)
                    .body("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":\"x\"}]}")
                    .patch("/scim/v2/Users/" + user));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "garbage")) {
            // RestAssured encodes some of these types itself: sent as raw bytes with the JDK's client
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(BASE + "/scim/v2/Users")).header("Authorization", hr).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"userName\":\"ct@acme.example\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            requests++;
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(type).startsWith(SCIM);
            assertThat(answer.body()).as(type).contains("\"status\":\"415\"");
        }
        for (String path : List.of("/scim/v2/Bulk", "/scim/v2/Me", "/scim/v2/Schemas/urn:nope", "/scim/v2/ResourceTypes/Nope", "/scim/v2/Users/.search")) {
            check("GET " + path, request().get(path));
        }
        // the user and the group are still there, whole
        request().get("/scim/v2/Users/" + user).then().statusCode(200);
        request().get("/scim/v2/Groups/" + group).then().statusCode(200);
        System.out.println("scim sweep: " + requests + " requests over the SCIM routes, no 5xx, every refusal a SCIM error document");
    }

    @Test
    void onlyTheHrClientIsAdmitted() {
        List<String[]> routes = List.of(new String[] {"GET", "/scim/v2/ServiceProviderConfig"}, new String[] {"GET", "/scim/v2/Schemas"},
                new String[] {"GET", "/scim/v2/ResourceTypes"}, new String[] {"GET", "/scim/v2/Users"}, new String[] {"POST", "/scim/v2/Users"},
                new String[] {"GET", "/scim/v2/Users/" + user}, new String[] {"PUT", "/scim/v2/Users/" + user},
                new String[] {"PATCH", "/scim/v2/Users/" + user}, new String[] {"DELETE", "/scim/v2/Users/" + user},
                new String[] {"POST", "/scim/v2/Users/.search"}, new String[] {"GET", "/scim/v2/Groups"}, new String[] {"POST", "/scim/v2/Groups"},
                new String[] {"GET", "/scim/v2/Groups/" + group}, new String[] {"PUT", "/scim/v2/Groups/" + group},
                new String[] {"PATCH", "/scim/v2/Groups/" + group}, new String[] {"DELETE", "/scim/v2/Groups/" + group});
        int refused = 0;
        for (String[] route : routes) {
            for (String person : List.of("acme-mentee1", "acme-mentor1", "acme-admin")) {
                Response answer = given().baseUri(BASE).header("Authorization", "Bearer " + Platform.tokenOf(person)).contentType(SCIM)
                        .body("{}").request(route[0], route[1]);
                assertThat(answer.statusCode()).as(person + " " + route[0] + " " + route[1]).isEqualTo(403);
                assertThat(answer.contentType()).startsWith(SCIM);
                refused++;
            }
            Response anonymous = given().baseUri(BASE).contentType(SCIM).body("{}").request(route[0], route[1]);
            assertThat(anonymous.statusCode()).as("anonymous " + route[0] + " " + route[1]).isEqualTo(401);
            refused++;
        }
        request().get("/scim/v2/Users/" + user).then().statusCode(200);
        System.out.println("scim authorization: " + refused + " requests of people and anonymous callers refused on " + routes.size() + " routes");
    }

    private static String clip(String text) {
        String plain = text.replace('\u0000', '?');
        return plain.length() > 80 ? plain.substring(0, 80) + "..." : plain;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
