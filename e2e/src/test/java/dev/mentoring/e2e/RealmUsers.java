package dev.mentoring.e2e;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/**
 * People made for one test in the local realm through Keycloak's admin API (password "demo", as the demo users), for
 * scenarios that must not spend a demo person: a leaver who is erased is gone for good.
 */
final class RealmUsers {

    private static final String ADMIN = RealmKeys.KEYCLOAK + "/admin/realms/mentoring";

    private RealmUsers() {
    }

    /** A new user of the tenant with this employee id and realm role; answers their Keycloak id. */
    static String create(String username, String tenant, String employeeId, String role) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                "firstName", "Test", "lastName", username, "email", username + "@" + tenant + ".example.com",
                "attributes", Map.of("tenant", List.of(tenant), "employee_id", List.of(employeeId)),
                "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
        String location = RealmKeys.admin().contentType(ContentType.JSON).body(user).post(ADMIN + "/users").then().statusCode(201)
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Map<String, Object> realmRole = RealmKeys.admin().get(ADMIN + "/roles/" + role).then().statusCode(200).extract().as(Map.class);
        RealmKeys.admin().contentType(ContentType.JSON).body(List.of(realmRole)).post(ADMIN + "/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
        return id;
    }

    static void delete(String id) {
        RealmKeys.admin().delete(ADMIN + "/users/" + id).then().statusCode(204);
    }
}
