package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The realm's signing keys through Keycloak's admin API (local admin of deploy/local/platform): import a
 * key the tests hold, rotate to a newly generated one, and read the key ids the realm publishes.
 */
final class RealmKeys {

    static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final String ADMIN = KEYCLOAK + "/admin/realms/mentoring";

    private RealmKeys() {
    }

    /** A request as the local Keycloak's admin (admin-cli, password grant on the master realm). */
    static RequestSpecification admin() {
        String token = given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", System.getProperty("keycloak.admin", "admin"))
                .formParam("password", System.getProperty("keycloak.admin-password", "admin"))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token);
    }

    /**
     * Adds this key pair to the realm as a passive RS256 key: published in the JWKS (so tokens it signs
     * verify) but never used by Keycloak to sign. Returns the component id and the key id.
     */
    static String[] importPassive(String name, KeyPair key) {
        String component = create(Map.of("name", name, "providerId", "rsa",
                "config", Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("false"),
                        "algorithm", List.of("RS256"),
                        "privateKey", List.of(Jwts.pem("PRIVATE KEY", key.getPrivate().getEncoded()))))); 
        return new String[] { component, kidOf(component) };
    }

    /** Rotates the realm's signing key: a new generated RS256 key with the highest priority. Returns its key id. */
    static String rotate(String namePrefix) {
        List<Map<String, Object>> keys = admin().get(ADMIN + "/keys").then().statusCode(200).extract().path("keys");
        int top = keys.stream().mapToInt(k -> ((Number) k.getOrDefault("providerPriority", 0)).intValue()).max().orElse(100);
        // earlier rotations of this test, except the one that signs now, are not needed any more
        List<Map<String, Object>> earlier = admin().queryParam("type", "org.keycloak.keys.KeyProvider")
                .get(ADMIN + "/components").then().statusCode(200).extract().path("findAll { it.name.startsWith('" + namePrefix + "') }");
        earlier.stream()
                .filter(c -> keys.stream().noneMatch(k -> c.get("id").equals(k.get("providerId"))
                        && ((Number) k.get("providerPriority")).intValue() == top))
                .forEach(c -> delete((String) c.get("id")));
        String component = create(Map.of("name", namePrefix + System.currentTimeMillis(), "providerId", "rsa-generated",
                "config", Map.of("priority", List.of(Integer.toString(top + 10)), "enabled", List.of("true"),
                        "active", List.of("true"), "algorithm", List.of("RS256"), "keySize", List.of("2048"))));
        return kidOf(component);
    }

    /** The realm's public key of this key id, as PEM. */
    static String publicKeyPem(String kid) {
        List<Map<String, Object>> keys = admin().get(ADMIN + "/keys").then().statusCode(200).extract().path("keys");
        return keys.stream().filter(k -> kid.equals(k.get("kid"))).findFirst()
                .map(k -> Jwts.pem("PUBLIC KEY", java.util.Base64.getDecoder().decode((String) k.get("publicKey"))))
                .orElseThrow();
    }

    static void delete(String component) {
        admin().delete(ADMIN + "/components/" + component).then().statusCode(204);
    }

    private static String create(Map<String, Object> component) {
        String realmId = admin().get(ADMIN).then().statusCode(200).extract().path("id");
        Map<String, Object> body = new java.util.HashMap<>(component);
        body.put("providerType", "org.keycloak.keys.KeyProvider");
        body.put("parentId", realmId);
        String location = admin().contentType(ContentType.JSON).body(body).post(ADMIN + "/components")
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String kidOf(String component) {
        List<Map<String, Object>> keys = admin().get(ADMIN + "/keys").then().statusCode(200).extract().path("keys");
        return keys.stream().filter(k -> component.equals(k.get("providerId")) && "RS256".equals(k.get("algorithm")))
                .map(k -> (String) k.get("kid")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no key of component " + component));
    }
}
