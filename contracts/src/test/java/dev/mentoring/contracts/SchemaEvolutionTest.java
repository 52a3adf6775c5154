package dev.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Within a major version only additive changes: every schema as released (the baseline in
 * src/test/resources/baseline) must still be read by today's schema. After a reviewed additive change, copy the
 * changed schema into the baseline; a breaking change is a new major version (a new file and topic), never an edit.
 */
class SchemaEvolutionTest {

    @TestFactory
    Stream<DynamicTest> everyReleasedSchemaChangedOnlyAdditively() {
        return Schemas.files(Schemas.BASELINE).stream().map(released -> DynamicTest.dynamicTest(released.getFileName().toString(), () -> {
            Path current = Schemas.DIRECTORY.resolve(released.getFileName());
            assertThat(current).as("a released schema is never removed within its version").exists();
            assertThat(SchemaEvolution.breakingChanges(Schemas.read(released), Schemas.read(current))).isEmpty();
        }));
    }

    @Test
    void additionsAndDescriptionsAreAllowed() {
        ObjectNode before = released("session.scheduled.v1.json");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("properties")).putObject("location").put("type", "string").put("description", "new");
        ((ObjectNode) after.get("properties").get("state")).put("description", "described now");
        ((ArrayNode) after.get("properties").get("mode").get("enum")).add("HYBRID");
        assertThat(SchemaEvolution.breakingChanges(before, after)).isEmpty();
    }

    @Test
    void aRemovedPropertyIsBreaking() {
        ObjectNode before = released("partnership.started.v1.json");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("properties")).remove("cadence");
        assertThat(SchemaEvolution.breakingChanges(before, after)).containsExactly("cadence: removed");
    }

    @Test
    void aChangedTypeOrFormatIsBreaking() {
        ObjectNode before = released("participant.updated.v1.json");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("properties").get("version")).put("type", "string");
        ((ObjectNode) after.get("properties").get("participantId")).remove("format");
        assertThat(SchemaEvolution.breakingChanges(before, after)).hasSize(2)
                .anyMatch(v -> v.startsWith("version: type")).anyMatch(v -> v.startsWith("participantId: format"));
    }

    @Test
    void aNewRequiredPropertyOrARemovedEnumValueIsBreaking() {
        ObjectNode before = released("partnership.started.v1.json");
        ObjectNode after = before.deepCopy();
        ((ArrayNode) after.get("required")).add("cadence");
        ArrayNode states = (ArrayNode) after.get("properties").get("state").get("enum");
        states.remove(states.size() - 1);
        assertThat(SchemaEvolution.breakingChanges(before, after)).hasSize(2)
                .anyMatch(v -> v.startsWith("(root): required")).anyMatch(v -> v.startsWith("state: enum values removed"));
    }

    @Test
    void aChangeInsideListItemsIsFound() {
        ObjectNode before = released("agreement.activated.v1.json");
        ObjectNode after = before.deepCopy();
        ((ObjectNode) after.get("properties").get("goals").get("items").get("properties")).remove("dueDate");
        assertThat(SchemaEvolution.breakingChanges(before, after)).containsExactly("goals[].dueDate: removed");
    }

    private static ObjectNode released(String file) {
        JsonNode schema = Schemas.read(Schemas.BASELINE.resolve(file));
        return (ObjectNode) schema;
    }
}
