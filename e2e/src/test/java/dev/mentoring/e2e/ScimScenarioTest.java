package dev.mentoring.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.testing.TopicReader;
import io.restassured.specification.RequestSpecification;

/**
 * SCIM 2.0 through the gateway with the HR platform's real client-credentials token from Keycloak, as Entra ID
 * provisions: look up, create, patch, put in a role group, deactivate, delete; the people it makes are the
 * platform's participants (the provisioning API and the events see them); another tenant's HR client finds none of it.
 */
class ScimScenarioTest {

    static final String SCIM = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String MENTORING = "urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    static RequestSpecification hr(String tenant) {
        return Platform.anonymous().header("Authorization", "Bearer " + Platform.clientToken("hr-" + tenant, "hr-" + tenant + "-local-secret"))
                .contentType(SCIM);
    }

    @Test
    void anIdentityProviderProvisionsPeopleThroughTheGateway() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String userName = "scim." + suffix + "@acme.example";
        String employee = "SCIM-" + suffix;
        hr("acme").get("/scim/v2/ServiceProviderConfig").then().statusCode(200).contentType(SCIM)
                .body("patch.supported", equalTo(true));
        hr("acme").queryParam("filter", "userName eq \"" + userName + "\"").get("/scim/v2/Users").then().statusCode(200)
                .body("totalResults", equalTo(0));
        try (TopicReader events = new TopicReader(Platform.KAFKA, "mentoring.participant.v1")) {
            String id = hr("acme").body("""
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"externalId":"%s","userName":"%s","active":true,
                     "displayName":"Scim Person","name":{"givenName":"Scim","familyName":"Person"},
                     "emails":[{"primary":true,"type":"work","value":"%s"}],"timezone":"Europe/Copenhagen","preferredLanguage":"da-DK",
                     "%s":{"employeeNumber":"%s","department":"Engineering"}}""".formatted(ENTERPRISE, suffix, userName, userName, ENTERPRISE, employee))
                    .post("/scim/v2/Users").then().statusCode(201).contentType(SCIM)
                    .header("Location", startsWith(Platform.GATEWAY + "/scim/v2/Users/"))
                    .extract().path("id");
            // the participant, through the provisioning API, and its event
            Platform.anonymous().header("Authorization", "Bearer " + Platform.clientToken("hr-acme", "hr-acme-local-secret"))
                    .get("/api/v1/matching/participants/" + id).then().statusCode(200)
                    .body("employeeId", equalTo(employee)).body("timeZone", equalTo("Europe/Copenhagen"))
                    .body("languages", hasItem("da"));
            CloudEvents.assertValid(events.await(r -> id.equals(r.key()) && r.value().contains("\"participant.updated\""), Duration.ofSeconds(30)));

            String group = hr("acme").body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Mentors "
                    + suffix + "\",\"urn:mentoring-platform:params:scim:schemas:extension:mentoring:2.0:Group\":{\"role\":\"MENTOR\"}}")
                    .post("/scim/v2/Groups").then().statusCode(201).extract().path("id");
            hr("acme").body("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + id + "\"}]}]}").patch("/scim/v2/Groups/" + group).then().statusCode(200);
            Platform.anonymous().header("Authorization", "Bearer " + Platform.clientToken("hr-acme", "hr-acme-local-secret"))
                    .get("/api/v1/matching/participants/" + id).then().statusCode(200).body("mentor.capacity", equalTo(2));

            hr("acme").body("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}")
                    .patch("/scim/v2/Users/" + id).then().statusCode(200).body("active", equalTo(false));
            CloudEvents.assertValid(events.await(r -> id.equals(r.key()) && r.value().contains("\"participant.deactivated\""), Duration.ofSeconds(30)));

            // another tenant's HR client: none of it exists
            hr("globex").get("/scim/v2/Users/" + id).then().statusCode(404).contentType(SCIM);
            hr("globex").get("/scim/v2/Groups/" + group).then().statusCode(404);
            hr("globex").queryParam("filter", "userName eq \"" + userName + "\"").get("/scim/v2/Users").then().body("totalResults", equalTo(0));
            // a person's token is refused, as a SCIM error
            Platform.as("acme-admin").get("/scim/v2/Users").then().statusCode(403);

            hr("acme").delete("/scim/v2/Groups/" + group).then().statusCode(204);
            hr("acme").delete("/scim/v2/Users/" + id).then().statusCode(204);
            CloudEvents.assertValid(events.await(r -> id.equals(r.key()) && r.value().contains("\"participant.erased\""), Duration.ofSeconds(30)));
            hr("acme").get("/scim/v2/Users/" + id).then().statusCode(404);
            System.out.println("scim scenario: a User created, put in a mentor group, deactivated and erased through the gateway");
        }
    }
}
