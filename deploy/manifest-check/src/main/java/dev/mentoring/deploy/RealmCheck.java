package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The production realm (each KeycloakRealmImport of the production overlay): no users (a client's service-account user
 * aside), no client allowed the password
 * grant ({@code directAccessGrantsEnabled}), no {@code mentoring-test} client, no secret value mentioning "local".
 */
final class RealmCheck {

    static final String CHECK = "realm";

    private RealmCheck() {
    }

    static List<Finding> check(ManifestSet set) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        List<ObjectNode> imports = set.ofKind("KeycloakRealmImport");
        if (imports.isEmpty()) {
            findings.add(new Finding(CHECK, o, "KeycloakRealmImport", "", "the production overlay imports no realm"));
        }
        if (set.ofKind("Keycloak").isEmpty()) {
            findings.add(new Finding(CHECK, o, "Keycloak", "", "the production overlay runs no Keycloak"));
        }
        for (ObjectNode realmImport : imports) {
            String id = ManifestSet.id(realmImport);
            JsonNode realm = realmImport.path("spec").path("realm");
            List<JsonNode> clients = Json.items(realm.path("clients"));
            List<String> clientIds = clients.stream().map(c -> Json.text(c, "clientId")).toList();
            List<JsonNode> users = Json.items(realm.path("users"));
            for (int i = 0; i < users.size(); i++) {
                // a client's service account is exported as a user naming the client: that is no person
                String serviceAccountOf = Json.text(users.get(i), "serviceAccountClientId");
                if (serviceAccountOf == null || !clientIds.contains(serviceAccountOf)) {
                    findings.add(new Finding(CHECK, o, id, "/spec/realm/users/" + i, "user " + Json.text(users.get(i), "username")
                            + " in the production realm (only service accounts of its clients may be there)"));
                }
            }
            for (int i = 0; i < clients.size(); i++) {
                JsonNode client = clients.get(i);
                String clientId = Json.text(client, "clientId");
                if (client.path("directAccessGrantsEnabled").asBoolean(false)) {
                    findings.add(new Finding(CHECK, o, id, "/spec/realm/clients/" + i + "/directAccessGrantsEnabled",
                            "client " + clientId + " allows the password grant"));
                }
                if ("mentoring-test".equals(clientId)) {
                    findings.add(new Finding(CHECK, o, id, "/spec/realm/clients/" + i, "the test client mentoring-test is in the production realm"));
                }
            }
            secrets(realm, "/spec/realm", id, o, findings);
        }
        return findings;
    }

    private static void secrets(JsonNode node, String path, String id, String overlay, List<Finding> findings) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                secrets(node.get(i), path + "/" + i, id, overlay, findings);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = path + "/" + Json.pointer(e.getKey());
                JsonNode value = e.getValue();
                boolean secretKey = e.getKey().toLowerCase(Locale.ROOT).contains("secret");
                if (secretKey && value.isString() && value.stringValue().toLowerCase(Locale.ROOT).contains("local")) {
                    findings.add(new Finding(CHECK, overlay, id, p, "a secret value containing 'local' (a demo secret) in the production realm"));
                }
                secrets(value, p, id, overlay, findings);
            }
        }
    }
}
