package dev.mentoring.matching.domain.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 7644 3.5.2 PATCH, and what Okta and Entra ID send in practice. */
class ScimPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERPRISE = ResourceType.ENTERPRISE_SCHEMA;

    private static ObjectNode patch(ObjectNode resource, String operations) throws Exception {
        return ScimPatch.apply(resource, JSON.readTree("{\"schemas\":[\"" + ScimPatch.PATCH_OP + "\"],\"Operations\":" + operations + "}"),
                ResourceType.USER);
    }

    @Test
    void addReplaceRemoveWithPaths() throws Exception {
        ObjectNode user = FilterParserTest.user();
        ObjectNode patched = patch(user, """
                [{"op":"replace","path":"name.givenName","value":"Babs"},
                 {"op":"add","path":"nickName","value":"B"},
                 {"op":"remove","path":"title"},
                 {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"babs@example.com"},
                 {"op":"add","path":"emails","value":[{"value":"b@other.org","type":"other"}]},
                 {"op":"remove","path":"emails[type eq \\"home\\"]"}]""");
        assertThat(patched.at("/name/givenName").asText()).isEqualTo("Babs");
        assertThat(patched.at("/name/familyName").asText()).isEqualTo("Jensen");
        assertThat(patched.get("nickName").asText()).isEqualTo("B");
        assertThat(patched.has("title")).isFalse();
        assertThat(patched.get("emails")).hasSize(2);
        assertThat(patched.at("/emails/0/value").asText()).isEqualTo("babs@example.com");
        assertThat(patched.at("/emails/1/value").asText()).isEqualTo("b@other.org");
        assertThat(user.at("/name/givenName").asText()).as("the original is untouched").isEqualTo("Barbara");
    }

    @Test
    void entraIdsShapes() throws Exception {
        ObjectNode user = FilterParserTest.user();
        ObjectNode patched = patch(user, """
                [{"op":"Replace","path":"active","value":"False"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"m-42"},
                 {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Sales"},
                 {"op":"Add","path":"phoneNumbers[type eq \\"mobile\\"].value","value":"+47 555 0101"},
                 {"op":"Replace","value":{"displayName":"Barbara J","name.familyName":"J",
                    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"701985"}}]""");
        assertThat(patched.get("active").booleanValue()).isFalse();
        assertThat(patched.at("/" + ENTERPRISE.replace("/", "~1") + "/manager/value").asText()).isEqualTo("m-42");
        assertThat(patched.get(ENTERPRISE).get("department").asText()).isEqualTo("Sales");
        assertThat(patched.get(ENTERPRISE).get("employeeNumber").asText()).isEqualTo("701985");
        assertThat(patched.at("/phoneNumbers/0/type").asText()).isEqualTo("mobile");
        assertThat(patched.at("/phoneNumbers/0/value").asText()).isEqualTo("+47 555 0101");
        assertThat(patched.get("displayName").asText()).isEqualTo("Barbara J");
        assertThat(patched.at("/name/familyName").asText()).isEqualTo("J");
    }

    @Test
    void oktasShapes() throws Exception {
        ObjectNode user = FilterParserTest.user();
        ObjectNode patched = patch(user, """
                [{"op":"replace","value":{"id":"2819c223-7f76-453a-919d-413861904646","active":false}}]""");
        assertThat(patched.get("active").booleanValue()).isFalse();
        assertThat(patched.get("id").asText()).isEqualTo("2819c223-7f76-453a-919d-413861904646");
    }

    @Test
    void groupMembershipsAddAndRemove() throws Exception {
        ObjectNode group = (ObjectNode) JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g","displayName":"Mentors",
                 "members":[{"value":"a","display":"A"},{"value":"b"}]}""");
        JsonNode request = JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"add","path":"members","value":[{"value":"c"},{"value":"a"}]},
                 {"op":"remove","path":"members[value eq \\"b\\"]"},
                 {"op":"Remove","path":"members","value":[{"value":"a"}]}]}""");
        ObjectNode patched = ScimPatch.apply(group, request, ResourceType.GROUP);
        assertThat(patched.get("members")).hasSize(1);
        assertThat(patched.at("/members/0/value").asText()).isEqualTo("c");
        ObjectNode emptied = ScimPatch.apply(patched, JSON.readTree("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members"}]}"""),
                ResourceType.GROUP);
        assertThat(emptied.has("members")).isFalse();
    }

    @Test
    void onePrimaryAtMost() throws Exception {
        ObjectNode patched = patch(FilterParserTest.user(), """
                [{"op":"add","path":"emails","value":[{"value":"new@example.com","type":"work","primary":true}]}]""");
        assertThat(patched.at("/emails/0/primary").booleanValue()).isFalse();
        assertThat(patched.at("/emails/2/primary").booleanValue()).isTrue();
    }

    @Test
    void refusals() throws Exception {
        ObjectNode user = FilterParserTest.user();
        assertScim(() -> patch(user, "[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"x\"}]"), "mutability");
        assertScim(() -> patch(user, "[{\"op\":\"replace\",\"path\":\"meta.version\",\"value\":\"x\"}]"), "mutability");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"groups\",\"value\":[{\"value\":\"x\"}]}]"), "mutability");
        assertScim(() -> patch(user, "[{\"op\":\"remove\"}]"), "noTarget");
        assertScim(() -> patch(user, "[{\"op\":\"replace\",\"path\":\"emails[value co \\\"zzz\\\"].value\",\"value\":\"x\"}]"), "noTarget");
        assertScim(() -> patch(user, "[{\"op\":\"move\",\"path\":\"title\"}]"), "invalidSyntax");
        assertScim(() -> patch(user, "[]"), "invalidSyntax");
        assertScim(() -> patch(user, "{}"), "invalidSyntax");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"nope\",\"value\":1}]"), "invalidPath");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":7,\"value\":1}]"), "invalidPath");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"active\",\"value\":\"maybe\"}]"), "invalidValue");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"name\",\"value\":[1]}]"), "invalidValue");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"value\":\"x\"}]"), "invalidValue");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"title\"}]"), "invalidValue");
        assertScim(() -> patch(user, "[{\"op\":\"add\",\"path\":\"emails.value\",\"value\":\"x\"}]"), "invalidPath");
        assertScim(() -> ScimPatch.apply(user, JSON.readTree("{\"schemas\":[\"urn:x\"],\"Operations\":[]}"), ResourceType.USER),
                "invalidSyntax");
    }

    private static void assertScim(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String scimType) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType()).isEqualTo(scimType);
            assertThat(e.status()).isEqualTo(400);
        });
    }
}
