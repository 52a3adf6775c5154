package dev.mentoring.matching.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TestTokens;
import dev.mentoring.plumbing.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The SCIM 2.0 service provider against the real database and Kafka: the provisioning sequences Okta and Entra ID
 * document, replayed as they send them, and an RFC 7643/7644 checklist over discovery, filters, paging, projection,
 * PATCH, versions and errors.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ScimResourceTest {

    static final String SCIM = "application/scim+json";
    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String MENTORING = "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String TOPIC = "test.mentoring.participant.v1";

    static RequestSpecification hr(String tenant) {
        return given().header("Authorization", People.hr(tenant)).contentType(SCIM);
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}";
    }

    @Test
    void discoveryTellsWhatIsSupported() {
        String tenant = People.newTenant();
        hr(tenant).get("/scim/v2/ServiceProviderConfig").then().statusCode(200).contentType(SCIM)
                .body("patch.supported", equalTo(true)).body("bulk.supported", equalTo(false))
                .body("filter.supported", equalTo(true)).body("filter.maxResults", equalTo(1000))
                .body("sort.supported", equalTo(false)).body("etag.supported", equalTo(true))
                .body("changePassword.supported", equalTo(false))
                .body("authenticationSchemes[0].type", equalTo("oauthbearertoken"));
        hr(tenant).get("/scim/v2/ResourceTypes").then().statusCode(200)
                .body("totalResults", equalTo(2)).body("Resources.name", hasItems("User", "Group"))
                .body("Resources.find { it.name == 'User' }.schemaExtensions.schema", hasItems(ENTERPRISE, MENTORING));
        hr(tenant).get("/scim/v2/ResourceTypes/User").then().statusCode(200).body("endpoint", equalTo("/Users"));
        hr(tenant).get("/scim/v2/Schemas").then().statusCode(200).body("Resources.id", hasItems(USER, ENTERPRISE, MENTORING,
                "urn:ietf:params:scim:schemas:core:2.0:Group"));
        hr(tenant).get("/scim/v2/Schemas/" + USER).then().statusCode(200)
                .body("attributes.find { it.name == 'userName' }.uniqueness", equalTo("server"))
                .body("attributes.find { it.name == 'userName' }.required", equalTo(true))
                .body("attributes.find { it.name == 'userName' }.caseExact", equalTo(false))
                .body("attributes.find { it.name == 'groups' }.mutability", equalTo("readOnly"))
                .body("attributes.find { it.name == 'emails' }.subAttributes.name", hasItems("value", "type", "primary"));
        hr(tenant).get("/scim/v2/Schemas/urn:nope").then().statusCode(404).contentType(SCIM).body("schemas", hasItem(ERROR));
        hr(tenant).get("/scim/v2/Bulk").then().statusCode(404).contentType(SCIM).body("status", equalTo("404"));
    }

    /** Okta's documented SCIM 2.0 sequence: look up, create, read, replace, deactivate, reactivate, push a group. */
    @Test
    void oktaProvisioningSequence() throws Exception {
        String tenant = People.newTenant();
        hr(tenant).queryParam("filter", "userName eq \"isabella.ms@example.com\"").queryParam("startIndex", 1).queryParam("count", 100)
                .get("/scim/v2/Users").then().statusCode(200).contentType(SCIM)
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:ListResponse"))
                .body("totalResults", equalTo(0)).body("Resources", hasSize(0));
        String created;
        try (TopicReader events = new TopicReader(TOPIC)) {
            created = hr(tenant).body("""
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                     "userName":"isabella.ms@example.com","name":{"givenName":"Isabella","familyName":"Silva"},
                     "emails":[{"primary":true,"value":"isabella.ms@example.com","type":"work"}],
                     "displayName":"Isabella Silva","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
                     "password":"1mz050nq","active":true,
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-7001","department":"Finance"}}""")
                    .post("/scim/v2/Users").then().statusCode(201).contentType(SCIM)
                    .header("Location", containsString("/scim/v2/Users/")).header("ETag", containsString("W/"))
                    .body("id", notNullValue()).body("userName", equalTo("isabella.ms@example.com"))
                    .body("name.givenName", equalTo("Isabella")).body("emails[0].value", equalTo("isabella.ms@example.com"))
                    .body("active", equalTo(true)).body("timezone", equalTo("UTC")).body("password", nullValue())
                    .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("E-7001"))
                    .body("'" + ENTERPRISE + "'.department", equalTo("Finance"))
                    .body("meta.resourceType", equalTo("User")).body("meta.location", containsString("/scim/v2/Users/"))
                    .extract().path("id");
            String id = created;
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains("participant.updated"), Duration.ofSeconds(20)))
                    .isNotNull();
        }
        // the same person through the provisioning API: one participant, known by the employee id
        given().header("Authorization", People.hr(tenant)).get("/participants/" + created).then().statusCode(200)
                .body("employeeId", equalTo("E-7001")).body("displayName", equalTo("Isabella Silva"));
        hr(tenant).queryParam("filter", "userName eq \"ISABELLA.MS@example.com\"").get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(1)).body("Resources[0].id", equalTo(created));
        hr(tenant).get("/scim/v2/Users/" + created).then().statusCode(200).body("displayName", equalTo("Isabella Silva"));
        // Okta updates a profile with PUT
        hr(tenant).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"isabella.ms@example.com",
                 "name":{"givenName":"Isabella","familyName":"Moreira Silva"},"displayName":"Isabella Moreira Silva",
                 "emails":[{"primary":true,"value":"isabella.ms@example.com","type":"work"}],"timezone":"America/Sao_Paulo",
                 "preferredLanguage":"pt-BR","active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-7001"}}""".formatted(created))
                .put("/scim/v2/Users/" + created).then().statusCode(200)
                .body("name.familyName", equalTo("Moreira Silva")).body("timezone", equalTo("America/Sao_Paulo"))
                .body("preferredLanguage", equalTo("pt-BR")).body("'" + ENTERPRISE + "'.department", nullValue());
        given().header("Authorization", People.hr(tenant)).get("/participants/" + created).then().statusCode(200)
                .body("timeZone", equalTo("America/Sao_Paulo")).body("languages[0]", equalTo("pt"));
        // deactivate, as Okta does, with a value object carrying the id
        try (TopicReader events = new TopicReader(TOPIC)) {
            hr(tenant).body(patch("[{\"op\":\"replace\",\"value\":{\"id\":\"" + created + "\",\"active\":false}}]"))
                    .patch("/scim/v2/Users/" + created).then().statusCode(200).body("active", equalTo(false));
            assertThat(events.await(r -> created.equals(r.key()) && r.value().contains("participant.deactivated"),
                    Duration.ofSeconds(20))).isNotNull();
        }
        hr(tenant).queryParam("filter", "active eq false").get("/scim/v2/Users").then().body("totalResults", equalTo(1));
        hr(tenant).body(patch("[{\"op\":\"replace\",\"value\":{\"active\":true}}]"))
                .patch("/scim/v2/Users/" + created).then().statusCode(200).body("active", equalTo(true));
        // group push: create the group, add the member, rename, remove the member
        String group = hr(tenant).body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Mentors\",\"members\":[]}")
                .post("/scim/v2/Groups").then().statusCode(201).body("displayName", equalTo("Mentors"))
                .body("'urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group'.role", equalTo("MENTOR"))
                .extract().path("id");
        hr(tenant).body(patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + created + "\",\"display\":\"isabella.ms@example.com\"}]}]"))
                .patch("/scim/v2/Groups/" + group).then().statusCode(200).body("members[0].value", equalTo(created))
                .body("members[0].display", equalTo("Isabella Moreira Silva"));
        hr(tenant).get("/scim/v2/Users/" + created).then().body("groups[0].value", equalTo(group))
                .body("'" + MENTORING + "'.mentor", equalTo(true)).body("'" + MENTORING + "'.mentorCapacity", equalTo(2));
        hr(tenant).body(patch("[{\"op\":\"replace\",\"value\":{\"id\":\"" + group + "\",\"displayName\":\"Mentors 2026\"}}]"))
                .patch("/scim/v2/Groups/" + group).then().statusCode(200).body("displayName", equalTo("Mentors 2026"))
                // the role came from the name "Mentors": renamed, the group gives none (a role given in the extension stays)
                .body("'urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group'.role", nullValue());
        hr(tenant).get("/scim/v2/Users/" + created).then().body("'" + MENTORING + "'.mentor", equalTo(false));
        hr(tenant).body(patch("[{\"op\":\"add\",\"path\":\"urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group:role\","
                + "\"value\":\"MENTOR\"}]")).patch("/scim/v2/Groups/" + group).then().statusCode(200);
        hr(tenant).get("/scim/v2/Users/" + created).then().body("'" + MENTORING + "'.mentor", equalTo(true));
        hr(tenant).body(patch("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + created + "\\\"]\"}]"))
                .patch("/scim/v2/Groups/" + group).then().statusCode(200).body("members", hasSize(0));
        hr(tenant).get("/scim/v2/Users/" + created).then().body("groups", nullValue()).body("'" + MENTORING + "'.mentor", equalTo(false));
        hr(tenant).delete("/scim/v2/Groups/" + group).then().statusCode(204);
        hr(tenant).get("/scim/v2/Groups/" + group).then().statusCode(404).contentType(SCIM);
    }

    /** Entra ID's documented sequence: probe, look up by externalId, create, patch with its shapes, groups, delete. */
    @Test
    void entraIdProvisioningSequence() throws Exception {
        String tenant = People.newTenant();
        // the connection test: a filter on a random value
        hr(tenant).queryParam("filter", "userName eq \"non-existent user 7e6d0b0c\"").get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(0));
        hr(tenant).queryParam("filter", "externalId eq \"jdoe\"").get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(0));
        String manager = hr(tenant).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"mboss","userName":"mboss@contoso.com",
                 "active":true,"displayName":"Mary Boss"}""")
                .post("/scim/v2/Users").then().statusCode(201)
                .body("'" + ENTERPRISE + "'.employeeNumber", equalTo("mboss")).extract().path("id");
        String id = hr(tenant).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"jdoe","userName":"jdoe@contoso.com","active":true,"displayName":"John Doe",
                 "emails":[{"primary":true,"type":"work","value":"jdoe@contoso.com"}],
                 "meta":{"resourceType":"User"},"name":{"formatted":"John Doe","familyName":"Doe","givenName":"John"},
                 "roles":[],"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"10042","department":"Sales"}}""")
                .post("/scim/v2/Users").then().statusCode(201).extract().path("id");
        hr(tenant).queryParam("filter", "externalId eq \"jdoe\"").get("/scim/v2/Users").then().body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(id));
        hr(tenant).body(patch("""
                [{"op":"Replace","path":"displayName","value":"John M. Doe"},
                 {"op":"Replace","path":"active","value":"False"},
                 {"op":"Add","path":"emails[type eq \\"work\\"].value","value":"john.doe@contoso.com"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Marketing"},
                 {"op":"Add","path":"timezone","value":"Europe/Berlin"}]""".formatted(manager)))
                .patch("/scim/v2/Users/" + id).then().statusCode(200)
                .body("displayName", equalTo("John M. Doe")).body("active", equalTo(false))
                .body("emails", hasSize(1)).body("emails[0].value", equalTo("john.doe@contoso.com"))
                .body("'" + ENTERPRISE + "'.manager.value", equalTo(manager))
                .body("'" + ENTERPRISE + "'.department", equalTo("Marketing"));
        given().header("Authorization", People.hr(tenant)).get("/participants/" + id).then()
                .body("managerEmployeeId", equalTo("mboss")).body("active", equalTo(false)).body("timeZone", equalTo("Europe/Berlin"));
        hr(tenant).body(patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"},"
                + "{\"op\":\"Remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\"}]"))
                .patch("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(true))
                .body("'" + ENTERPRISE + "'.manager", nullValue());
        String group = hr(tenant).body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"8aa1a0c0","displayName":"Graduate mentees",
                 "members":[],"urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group":{"role":"mentee"}}""")
                .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        hr(tenant).queryParam("filter", "displayName eq \"Graduate mentees\"").queryParam("excludedAttributes", "members")
                .get("/scim/v2/Groups").then().statusCode(200).body("totalResults", equalTo(1))
                .body("Resources[0].members", nullValue()).body("Resources[0].id", equalTo(group));
        hr(tenant).body(patch("[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"},{\"value\":\"" + manager + "\"}]}]"))
                .patch("/scim/v2/Groups/" + group).then().statusCode(200).body("members", hasSize(2));
        hr(tenant).queryParam("filter", "members[value eq \"" + id + "\"]").get("/scim/v2/Groups").then().body("totalResults", equalTo(1));
        hr(tenant).get("/scim/v2/Users/" + id).then().body("'" + MENTORING + "'.mentee", equalTo(true));
        hr(tenant).body(patch("[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]"))
                .patch("/scim/v2/Groups/" + group).then().statusCode(200).body("members", hasSize(1))
                .body("members[0].value", equalTo(manager));
        hr(tenant).get("/scim/v2/Users/" + id).then().body("'" + MENTORING + "'.mentee", equalTo(false));
        try (TopicReader events = new TopicReader(TOPIC)) {
            hr(tenant).delete("/scim/v2/Users/" + id).then().statusCode(204);
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains("participant.erased"), Duration.ofSeconds(20)))
                    .isNotNull();
        }
        hr(tenant).get("/scim/v2/Users/" + id).then().statusCode(404).contentType(SCIM).body("schemas", hasItem(ERROR));
        hr(tenant).delete("/scim/v2/Users/" + id).then().statusCode(404);
        hr(tenant).queryParam("filter", "userName eq \"jdoe@contoso.com\"").get("/scim/v2/Users").then().body("totalResults", equalTo(0));
    }

    @Test
    void filtersPagingAndProjection() {
        String tenant = People.newTenant();
        for (int i = 1; i <= 5; i++) {
            hr(tenant).body("""
                    {"schemas":["%s"],"userName":"person%d@acme.test","title":"%s","emails":[{"value":"p%d@acme.test","type":"work"}],
                     "%s":{"employeeNumber":"P-%d"},"%s":{"mentor":%s,"yearsOfExperience":%d}}"""
                    .formatted(USER, i, i % 2 == 0 ? "Engineer" : "Designer", i, ENTERPRISE, i, MENTORING, i > 3, i * 3))
                    .post("/scim/v2/Users").then().statusCode(201);
        }
        // a person provisioned through the provisioning API is a User too, known by the employee id
        People.provision(tenant, "LEGACY-1", People.mentorJson("Legacy Person", "UTC", "[]", "[]", 1));
        hr(tenant).get("/scim/v2/Users").then().body("totalResults", equalTo(6)).body("Resources", hasSize(6));
        hr(tenant).queryParam("startIndex", 2).queryParam("count", 2).get("/scim/v2/Users").then()
                .body("totalResults", equalTo(6)).body("startIndex", equalTo(2)).body("itemsPerPage", equalTo(2))
                .body("Resources.userName", equalTo(List.of("person2@acme.test", "person3@acme.test")));
        hr(tenant).queryParam("count", 0).get("/scim/v2/Users").then().body("totalResults", equalTo(6)).body("Resources", hasSize(0));
        hr(tenant).queryParam("startIndex", 99).get("/scim/v2/Users").then().body("totalResults", equalTo(6)).body("Resources", hasSize(0));
        hr(tenant).queryParam("filter", "userName eq \"LEGACY-1\"").get("/scim/v2/Users").then().body("totalResults", equalTo(1))
                .body("Resources[0].displayName", equalTo("Legacy Person"))
                .body("Resources[0].'" + MENTORING + "'.mentor", equalTo(true));
        hr(tenant).queryParam("filter", "title eq \"Engineer\" and emails[type eq \"work\" and value sw \"p4\"]").get("/scim/v2/Users")
                .then().body("totalResults", equalTo(1)).body("Resources[0].userName", equalTo("person4@acme.test"));
        hr(tenant).queryParam("filter", MENTORING + ":yearsOfExperience ge 9 and not (" + MENTORING + ":mentor eq true)")
                .get("/scim/v2/Users").then().body("totalResults", equalTo(1)).body("Resources[0].userName", equalTo("person3@acme.test"));
        hr(tenant).queryParam("filter", "userName co \"acme\" or title pr").queryParam("count", 3).get("/scim/v2/Users").then()
                .body("totalResults", equalTo(5)).body("itemsPerPage", equalTo(3));
        hr(tenant).queryParam("filter", "userName ew \"@ACME.TEST\"").get("/scim/v2/Users").then().body("totalResults", equalTo(5));
        hr(tenant).queryParam("filter", "meta.created gt \"2000-01-01T00:00:00Z\"").get("/scim/v2/Users").then().body("totalResults", equalTo(6));
        hr(tenant).queryParam("attributes", "userName,emails.value," + ENTERPRISE + ":employeeNumber")
                .queryParam("filter", "userName eq \"person1@acme.test\"").get("/scim/v2/Users").then()
                .body("Resources[0].id", notNullValue()).body("Resources[0].userName", equalTo("person1@acme.test"))
                .body("Resources[0].emails[0].value", equalTo("p1@acme.test")).body("Resources[0].emails[0].type", nullValue())
                .body("Resources[0].'" + ENTERPRISE + "'.employeeNumber", equalTo("P-1"))
                .body("Resources[0].title", nullValue()).body("Resources[0].meta", nullValue());
        hr(tenant).queryParam("excludedAttributes", "emails,title,id").queryParam("filter", "userName eq \"person1@acme.test\"")
                .get("/scim/v2/Users").then().body("Resources[0].emails", nullValue()).body("Resources[0].title", nullValue())
                .body("Resources[0].id", notNullValue()).body("Resources[0].userName", equalTo("person1@acme.test"));
        hr(tenant).body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"title eq \\\"Designer\\\"\","
                + "\"attributes\":[\"userName\"],\"startIndex\":1,\"count\":10}").post("/scim/v2/Users/.search").then().statusCode(200)
                .body("totalResults", equalTo(3)).body("Resources[0].title", nullValue());
        // another tenant sees none of them
        hr(People.newTenant()).get("/scim/v2/Users").then().body("totalResults", equalTo(0));
    }

    @Test
    void errorsAreScimDocumentsWithTheRightStatusAndType() {
        String tenant = People.newTenant();
        String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"dup@acme.test\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"D-1\"}}";
        String id = hr(tenant).body(body).post("/scim/v2/Users").then().statusCode(201).extract().path("id");
        expect(hr(tenant).body(body.replace("D-1", "D-2").replace("dup@", "DUP@")).post("/scim/v2/Users"), 409, "uniqueness");
        expect(hr(tenant).body(body.replace("dup@", "other@")).post("/scim/v2/Users"), 409, "uniqueness");
        expect(hr(tenant).body("{\"schemas\":[\"" + USER + "\"],\"displayName\":\"No Name\"}").post("/scim/v2/Users"), 400, "invalidValue");
        expect(hr(tenant).body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"no.number@acme.test\"}").post("/scim/v2/Users"),
                400, "invalidValue");
        expect(hr(tenant).body(body.replace("dup@", "tz@").replace("D-1", "D-3").replace("\"userName\"", "\"timezone\":\"Mars/Base\",\"userName\""))
                .post("/scim/v2/Users"), 400, "invalidValue");
        expect(hr(tenant).body("{\"userName\":").post("/scim/v2/Users"), 400, "invalidSyntax");
        expect(hr(tenant).body("[1,2]").post("/scim/v2/Users"), 400, "invalidSyntax");
        expect(hr(tenant).body("{\"a\":1,\"a\":2}").post("/scim/v2/Users"), 400, "invalidSyntax");
        expect(hr(tenant).queryParam("filter", "userName eq").get("/scim/v2/Users"), 400, "invalidFilter");
        expect(hr(tenant).queryParam("filter", "nope pr").get("/scim/v2/Groups"), 400, "invalidFilter");
        expect(hr(tenant).queryParam("count", "ten").get("/scim/v2/Users"), 400, "invalidValue");
        expect(hr(tenant).queryParam("attributes", "nope").get("/scim/v2/Users"), 400, "invalidValue");
        expect(hr(tenant).body(patch("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]")).patch("/scim/v2/Users/" + id), 400, "mutability");
        expect(hr(tenant).body(patch("[{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\" or value pr].value\",\"value\":\"x\"}]"))
                .patch("/scim/v2/Users/" + id), 400, "noTarget");
        expect(hr(tenant).body(patch("[{\"op\":\"replace\",\"path\":\"emails[type eq\",\"value\":\"x\"}]")).patch("/scim/v2/Users/" + id),
                400, "invalidPath");
        expect(hr(tenant).body(patch("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"\"}]")).patch("/scim/v2/Users/" + id),
                400, "invalidValue");
        expect(hr(tenant).header("If-Match", "W/\"999\"").body(patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"))
                .patch("/scim/v2/Users/" + id), 412, null);
        String etag = hr(tenant).get("/scim/v2/Users/" + id).then().extract().header("ETag");
        hr(tenant).header("If-Match", etag).body(patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"))
                .patch("/scim/v2/Users/" + id).then().statusCode(200).header("ETag", not(equalTo(etag)));
        expect(hr(tenant).header("If-Match", etag).delete("/scim/v2/Users/" + id), 412, null);
        expect(given().header("Authorization", People.hr(tenant)).contentType("text/plain").body("x").post("/scim/v2/Users"), 415, null);
        expect(hr(tenant).get("/scim/v2/Users/not-an-id"), 404, null);
        expect(hr(People.newTenant()).get("/scim/v2/Users/" + id), 404, null);
        expect(hr(People.newTenant()).body(patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]")).patch("/scim/v2/Users/" + id),
                404, null);
        expect(hr(tenant).body("{\"displayName\":\"G\",\"members\":[{\"value\":\"" + java.util.UUID.randomUUID() + "\"}]}")
                .post("/scim/v2/Groups"), 400, "invalidValue");
        hr(tenant).body("{\"displayName\":\"Same\"}").post("/scim/v2/Groups").then().statusCode(201);
        expect(hr(tenant).body("{\"displayName\":\"SAME\"}").post("/scim/v2/Groups"), 409, "uniqueness");
        // people and anonymous callers: refused as SCIM errors
        expect(given().header("Authorization", TestTokens.person(tenant, "E-1", "mentee").bearer()).get("/scim/v2/Users"), 403, null);
        expect(given().get("/scim/v2/Users"), 401, null);
    }

    private static void expect(Response response, int status, String scimType) {
        response.then().statusCode(status).contentType(SCIM).body("schemas", hasItem(ERROR))
                .body("status", equalTo(String.valueOf(status))).body("detail", notNullValue());
        if (scimType != null) {
            response.then().body("scimType", equalTo(scimType));
        }
    }

    /** What the review of the first version found, each as it would have gone wrong. */
    @Test
    void writesAreWholeOrNotAtAllAndTheVersionFollowsTheRepresentation() throws Exception {
        String tenant = People.newTenant();
        // a projection that names nothing is refused before the write, not after it
        expect(hr(tenant).queryParam("attributes", "bogus").body("{\"userName\":\"p@acme.test\",\"externalId\":\"P-1\"}")
                .post("/scim/v2/Users"), 400, "invalidValue");
        hr(tenant).get("/scim/v2/Users").then().body("totalResults", equalTo(0));
        String id = hr(tenant).body("{\"userName\":\"p@acme.test\",\"externalId\":\"P-1\",\"emails\":[{\"value\":\"p@acme.test\"}],"
                + "\"" + ENTERPRISE + "\":{\"manager\":{\"value\":\"M-1\",\"displayName\":\"Jane Doe\"}}}")
                .post("/scim/v2/Users").then().statusCode(201)
                .body("'" + ENTERPRISE + "'.manager.displayName", nullValue()).extract().path("id");
        // a dotted path into a list, a time zone the profile would refuse
        expect(hr(tenant).body("{\"userName\":\"q@acme.test\",\"externalId\":\"Q-1\",\"emails.value\":\"x@y.z\"}").post("/scim/v2/Users"),
                400, "invalidValue");
        expect(hr(tenant).body("{\"userName\":\"q@acme.test\",\"externalId\":\"Q-1\",\"timezone\":\"CET\"}").post("/scim/v2/Users"),
                400, "invalidValue");
        // an identical PUT makes no new version; a group joined does
        String etag = hr(tenant).get("/scim/v2/Users/" + id).then().extract().header("ETag");
        String same = hr(tenant).get("/scim/v2/Users/" + id).then().extract().asString();
        hr(tenant).body(same).put("/scim/v2/Users/" + id).then().statusCode(200).header("ETag", equalTo(etag));
        hr(tenant).body("{\"displayName\":\"Book club\",\"members\":[{\"value\":\"" + id + "\"}]}").post("/scim/v2/Groups")
                .then().statusCode(201);
        String joined = hr(tenant).get("/scim/v2/Users/" + id).then().extract().header("ETag");
        assertThat(joined).isNotEqualTo(etag);
        expect(hr(tenant).header("If-Match", etag).body(patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"))
                .patch("/scim/v2/Users/" + id), 412, null);
        // a changed employee id is published; a removed mentoring attribute is cleared; employeeNumber stays
        try (TopicReader events = new TopicReader(TOPIC)) {
            hr(tenant).body(patch("[{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"P-2\"}]"))
                    .patch("/scim/v2/Users/" + id).then().statusCode(200);
            assertThat(events.await(r -> id.equals(r.key()) && r.value().contains("\"P-2\""), Duration.ofSeconds(20))).isNotNull();
        }
        hr(tenant).body(patch("[{\"op\":\"add\",\"path\":\"" + MENTORING + ":expertise\",\"value\":[\"java\"]}]"))
                .patch("/scim/v2/Users/" + id).then().statusCode(200).body("'" + MENTORING + "'.expertise", equalTo(List.of("java")));
        hr(tenant).body(patch("[{\"op\":\"remove\",\"path\":\"" + MENTORING + ":expertise\"}]"))
                .patch("/scim/v2/Users/" + id).then().statusCode(200).body("'" + MENTORING + "'.expertise", hasSize(0));
        expect(hr(tenant).body(patch("[{\"op\":\"remove\",\"path\":\"" + ENTERPRISE + ":employeeNumber\"}]")).patch("/scim/v2/Users/" + id),
                400, "invalidValue");
        // a person provisioned otherwise is taken over only when the employee id is named as employeeNumber
        People.provision(tenant, "OLD-1", People.mentorJson("Old Timer", "UTC", "[]", "[]", 1));
        expect(hr(tenant).body("{\"userName\":\"new@acme.test\",\"externalId\":\"OLD-1\"}").post("/scim/v2/Users"), 409, "uniqueness");
        hr(tenant).body("{\"userName\":\"old@acme.test\",\"" + ENTERPRISE + "\":{\"employeeNumber\":\"OLD-1\"}}").post("/scim/v2/Users")
                .then().statusCode(201).body("displayName", equalTo("old@acme.test"));
        // a role the name gave follows the name; a given one stays
        String a = hr(tenant).body("{\"userName\":\"a@acme.test\",\"externalId\":\"A-1\"}").post("/scim/v2/Users").then().extract().path("id");
        String named = hr(tenant).body("{\"displayName\":\"Mentees\",\"members\":[{\"value\":\"" + a + "\"}]}").post("/scim/v2/Groups")
                .then().statusCode(201).extract().path("id");
        String given = hr(tenant).body("{\"displayName\":\"Cohort A\",\"urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group\":"
                + "{\"role\":\"MENTOR\"},\"members\":[{\"value\":\"" + a + "\"}]}").post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
        hr(tenant).body(patch("[{\"op\":\"replace\",\"value\":{\"displayName\":\"Graduates\"}}]")).patch("/scim/v2/Groups/" + named)
                .then().statusCode(200).body("'urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group'.role", nullValue());
        hr(tenant).body(patch("[{\"op\":\"replace\",\"value\":{\"displayName\":\"Cohort B\"}}]")).patch("/scim/v2/Groups/" + given)
                .then().statusCode(200).body("'urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group'.role", equalTo("MENTOR"));
        hr(tenant).get("/scim/v2/Users/" + a).then().body("'" + MENTORING + "'.mentee", equalTo(false))
                .body("'" + MENTORING + "'.mentor", equalTo(true));
    }

    /** Two groups giving one person a role, each losing them at the same time: the role goes, as no group gives it. */
    @Test
    void concurrentMembershipChangesLeaveTheRoleTheGroupsGive() throws Exception {
        String tenant = People.newTenant();
        for (int round = 0; round < 5; round++) {
            String u = hr(tenant).body("{\"userName\":\"u" + round + "@acme.test\",\"externalId\":\"U-" + round + "\"}").post("/scim/v2/Users")
                    .then().statusCode(201).extract().path("id");
            String[] groups = new String[2];
            for (int g = 0; g < 2; g++) {
                groups[g] = hr(tenant).body("{\"displayName\":\"G" + round + "-" + g + "\",\"urn:mentoring-platform:params:scim:schemas:extension:"
                        + "mentoring:2.0:Group\":{\"role\":\"MENTOR\"},\"members\":[{\"value\":\"" + u + "\"}]}").post("/scim/v2/Groups")
                        .then().statusCode(201).extract().path("id");
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (String g : groups) {
                    answers.add(pool.submit(() -> hr(tenant).body(patch("[{\"op\":\"remove\",\"path\":\"members\"}]"))
                            .patch("/scim/v2/Groups/" + g).then().extract().statusCode()));
                }
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            hr(tenant).get("/scim/v2/Users/" + u).then().body("'" + MENTORING + "'.mentor", equalTo(false));
        }
    }

    /** Groups that give roles: the role stays while another group gives it; a role change moves it. */
    @Test
    void groupsGiveRolesWhileAGroupGivesThem() {
        String tenant = People.newTenant();
        String a = hr(tenant).body("{\"userName\":\"a@acme.test\",\"externalId\":\"A-1\"}").post("/scim/v2/Users").then().statusCode(201)
                .extract().path("id");
        String one = hr(tenant).body("{\"displayName\":\"Mentors\",\"members\":[{\"value\":\"" + a + "\"}]}").post("/scim/v2/Groups")
                .then().statusCode(201).extract().path("id");
        String two = hr(tenant).body("{\"displayName\":\"Senior mentors\",\"" + "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group"
                + "\":{\"role\":\"MENTOR\"},\"members\":[{\"value\":\"" + a + "\"}]}").post("/scim/v2/Groups").then().statusCode(201)
                .extract().path("id");
        hr(tenant).delete("/scim/v2/Groups/" + one).then().statusCode(204);
        hr(tenant).get("/scim/v2/Users/" + a).then().body("'" + MENTORING + "'.mentor", equalTo(true)).body("groups", hasSize(1));
        // the group now gives the mentee role instead: the mentor role goes, the mentee role comes
        hr(tenant).body("{\"displayName\":\"Senior mentors\",\"urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group"
                + "\":{\"role\":\"MENTEE\"},\"members\":[{\"value\":\"" + a + "\"}]}").put("/scim/v2/Groups/" + two).then().statusCode(200);
        hr(tenant).get("/scim/v2/Users/" + a).then().body("'" + MENTORING + "'.mentor", equalTo(false))
                .body("'" + MENTORING + "'.mentee", equalTo(true));
    }
}
