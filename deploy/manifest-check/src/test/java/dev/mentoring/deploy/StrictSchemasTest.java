package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The strict transformation closes objects the way kubeconform -strict does, and leaves alone what must stay open. */
class StrictSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void closesObjectsWithPropertiesButNotFreeFormOnesOrBranches() {
        JsonNode strict = StrictSchemas.strict(JSON.readTree("""
                {"type": "object", "properties": {
                   "spec": {"type": "object", "properties": {"replicas": {"type": "integer"}}},
                   "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true, "properties": {"a": {}}},
                   "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                   "env": {"type": "object", "properties": {"name": {}},
                           "oneOf": [{"properties": {"value": {}}, "required": ["value"]}]}
                }}"""));
        assertThat(strict.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(strict.at("/properties/spec/additionalProperties").asBoolean(true)).isFalse();
        assertThat(strict.at("/properties/free").has("additionalProperties")).isFalse();
        assertThat(strict.at("/properties/labels/additionalProperties/type").asString()).isEqualTo("string");
        assertThat(strict.at("/properties/env/additionalProperties").asBoolean(true)).isFalse();
        assertThat(strict.at("/properties/env/oneOf/0").has("additionalProperties")).isFalse();
        assertThat(strict.at("/properties/env/properties").has("value")).as("a branch's property stays allowed").isTrue();
    }

    @Test
    void aMisspeltFieldFailsWhereTheCorrectOnePasses() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  %s: 2
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers: [{name: x, image: "x:1"}]
                """;
        assertThat(validate(deployment.formatted("replicas"))).isEmpty();
        List<Finding> findings = validate(deployment.formatted("replica"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("Deployment/x");
            assertThat(f.path()).isEqualTo("/spec");
            assertThat(f.message()).contains("replica");
        });
    }

    @Test
    void aMisspeltMetadataFieldOfAnOperatorResourceFails() {
        List<Finding> findings = validate("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, label: {strimzi.io/cluster: c}}
                spec: {partitions: 3, replicas: 3}
                """);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message()).contains("label"));
    }

    @Test
    void anUnknownKindFails() {
        assertThat(validate("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("no JSON Schema"));
    }

    @Test
    void schemasAreFoundByGroupVersionAndKind() {
        SchemaCatalog catalog = Overlays.SCHEMAS;
        assertThat(catalog.schemaFile("v1", "Service")).get().asString().endsWith("kubernetes-1.34/service-v1.json");
        assertThat(catalog.schemaFile("apps/v1", "Deployment")).get().asString().endsWith("deployment-apps-v1.json");
        assertThat(catalog.schemaFile("networking.k8s.io/v1", "NetworkPolicy")).get().asString().endsWith("networkpolicy-networking-v1.json");
        assertThat(catalog.schemaFile("autoscaling/v2", "HorizontalPodAutoscaler")).isPresent();
        assertThat(catalog.schemaFile("postgresql.cnpg.io/v1", "Database")).get().asString().endsWith("operators/postgresql.cnpg.io/database_v1.json");
        assertThat(catalog.schemaFile("kafka.strimzi.io/v1beta2", "KafkaTopic")).isEmpty();
    }

    private static List<Finding> validate(String yaml) {
        ManifestSet set = ManifestSet.parse("test", yaml, Map.of());
        return Overlays.SCHEMAS.validate(set);
    }
}
