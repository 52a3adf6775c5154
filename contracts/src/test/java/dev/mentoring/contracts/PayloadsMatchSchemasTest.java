package dev.mentoring.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The payload records are the JSON Schemas, field by field: the same property names, each Java type fitting the
 * schema's type and format, nested records and lists too; and every schema has its event type in the catalog.
 */
class PayloadsMatchSchemasTest {

    @Test
    void everySchemaHasItsEventTypeAndEveryEventTypeItsSchema() {
        Set<String> schemaFiles = Schemas.files(Schemas.DIRECTORY).stream().map(f -> f.getFileName().toString())
                .filter(name -> !name.equals(Schemas.ENVELOPE)).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> catalogued = EventCatalog.ALL.stream().map(EventType::schemaFile).collect(Collectors.toSet());
        assertThat(catalogued).containsExactlyInAnyOrderElementsOf(schemaFiles);
        assertThat(EventCatalog.ALL.stream().map(EventType::name).distinct()).hasSameSizeAs(EventCatalog.ALL);
    }

    @TestFactory
    Stream<DynamicTest> everyPayloadRecordIsItsSchema() {
        return EventCatalog.ALL.stream().map(type -> DynamicTest.dynamicTest(type.toString(), () -> {
            JsonNode schema = Schemas.read(Schemas.DIRECTORY.resolve(type.schemaFile()));
            assertThat(schema.path("$id").asText()).endsWith("/" + type.schemaFile());
            List<String> mismatches = new ArrayList<>();
            compare(type.name(), type.payload(), schema, mismatches);
            assertThat(mismatches).as("payload %s against %s", type.payload().getSimpleName(), type.schemaFile()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaPropertyIsDescribed() {
        return Schemas.files(Schemas.DIRECTORY).stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            List<String> undescribed = new ArrayList<>();
            undescribed(file.getFileName().toString(), Schemas.read(file), undescribed);
            assertThat(undescribed).as("properties without a description (the data dictionary)").isEmpty();
        }));
    }

    @Test
    void theValueSetsTheContractNamesAreTheSchemasEnums() {
        assertThat(values(PartnershipEvents.STARTED, "state")).isEqualTo(PartnershipEvents.STATES);
        assertThat(values(PartnershipEvents.REQUESTED, "origin")).isEqualTo(PartnershipEvents.ORIGINS);
        assertThat(values(SessionEvents.SCHEDULED, "state")).isEqualTo(SessionEvents.STATES);
        assertThat(values(AgreementEvents.ACTIVATED, "cadence")).isEqualTo(AgreementEvents.CADENCES);
        assertThat(values(AgreementEvents.IN_FORCE, "cadence")).isEqualTo(AgreementEvents.CADENCES);
        assertThat(values(PartnershipEvents.STARTED, "cadence")).isEqualTo(AgreementEvents.CADENCES);
        assertThat(values(AgreementEvents.SIGNED, "signedBy"))
                .isEqualTo(Set.of(AgreementEvents.SIGNED_BY_MENTEE, AgreementEvents.SIGNED_BY_MENTOR));
        assertThat(values(ProgramEvents.CREATED, "state")).isEqualTo(ProgramEvents.STATES);
        assertThat(values(ProgramEvents.CREATED, "joining")).isEqualTo(ProgramEvents.JOINING);
        assertThat(values(ProgramEvents.ENROLLED, "role")).isEqualTo(ProgramEvents.ROLES);
        assertThat(values(ProgramEvents.ENROLLED, "state")).isEqualTo(ProgramEvents.ENROLMENT_STATES);
        assertThat(values(ProgramEvents.ENROLLED, "by")).isEqualTo(ProgramEvents.BY);
        assertThat(values(PartnershipEvents.WITHDRAWN, "reasonCategory"))
                .contains(PartnershipEvents.LEFT_ORGANISATION, PartnershipEvents.PROGRAM_ENDED);
    }

    /**
     * No words people wrote on a public topic: every string a published public event carries is an id, a date, a code
     * (enum or pattern) or a short key (at most 64 characters, e.g. an employee id). Free text goes on an internal topic.
     */
    @TestFactory
    Stream<DynamicTest> publicEventsCarryNoFreeText() {
        return EventCatalog.PUBLIC.stream().filter(type -> !Schemas.read(schema(type.schemaFile())).path("deprecated").asBoolean())
                .map(type -> DynamicTest.dynamicTest(type.toString(), () -> {
                    List<String> texts = new ArrayList<>();
                    freeText(type.name(), Schemas.read(schema(type.schemaFile())), texts);
                    assertThat(texts).as("string properties that could carry free text").isEmpty();
                }));
    }

    @Test
    void theFreeTextCheckFindsTheWithdrawnGoalWords() {
        List<String> texts = new ArrayList<>();
        freeText("agreement.activated", Schemas.read(schema(AgreementEvents.ACTIVATED.schemaFile())), texts);
        assertThat(texts).containsExactlyInAnyOrder("agreement.activated.goals[].title", "agreement.activated.goals[].measure",
                "agreement.activated.goals[].target");
        texts.clear();
        freeText("agreement.goal-texts", Schemas.read(schema(AgreementEvents.GOAL_TEXTS.schemaFile())), texts);
        assertThat(texts).hasSize(3);
    }

    /** Strings that are codes though their schemas state no pattern: IANA time zone ids. */
    private static final Set<String> CODES = Set.of("timeZone");

    private static void freeText(String path, JsonNode schema, List<String> texts) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "." + field.getKey();
            JsonNode property = field.getValue();
            if (Schemas.types(property).contains("string") && !CODES.contains(field.getKey()) && !property.has("format") && !property.has("enum")
                    && !property.has("pattern") && !property.has("const") && property.path("maxLength").asInt(Integer.MAX_VALUE) > 64) {
                texts.add(child);
            }
            freeText(child, property, texts);
            if (property.has("items")) {
                freeText(child + "[]", property.get("items"), texts);
            }
        }
    }

    /** The non-null values a property's enum allows. */
    private static Set<String> values(EventType<?> type, String property) {
        JsonNode schema = Schemas.read(Schemas.DIRECTORY.resolve(type.schemaFile()));
        Set<String> values = new java.util.HashSet<>(Schemas.enumValues(schema.path("properties").path(property)));
        values.remove("null");
        return values;
    }

    @Test
    void theComparisonFindsAMismatch() {
        JsonNode schema = Schemas.read(Schemas.DIRECTORY.resolve(PartnershipEvents.STARTED.schemaFile()));
        List<String> mismatches = new ArrayList<>();
        compare("planted", Planted.class, schema, mismatches);
        assertThat(mismatches).anyMatch(m -> m.contains("menteeId")).anyMatch(m -> m.contains("mentor"));
    }

    /** A payload with a wrong type (menteeId as a number) and a wrong name (mentor instead of mentorId). */
    record Planted(UUID partnershipId, long menteeId, UUID mentor, String state, String cadence, String reasonCategory,
            OffsetDateTime at) {
    }

    static void compare(String path, Class<?> record, JsonNode schema, List<String> mismatches) {
        if (!record.isRecord()) {
            mismatches.add(path + ": " + record.getSimpleName() + " is not a record");
            return;
        }
        JsonNode properties = schema.path("properties");
        Set<String> names = new LinkedHashSet<>();
        for (Iterator<String> it = properties.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = properties.get(component.getName());
            if (property == null) {
                mismatches.add(path + "." + component.getName() + ": not in the schema");
                continue;
            }
            fits(path + "." + component.getName(), component.getGenericType(), property, mismatches);
        }
        for (String name : names) {
            if (!components.contains(name)) {
                mismatches.add(path + "." + name + ": in the schema, not in " + record.getSimpleName());
            }
        }
    }

    private static void fits(String path, Type type, JsonNode property, List<String> mismatches) {
        Set<String> types = Schemas.types(property);
        String format = property.path("format").asText(null);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            expect(path, types, "array", format, null, mismatches);
            fits(path + "[]", list.getActualTypeArguments()[0], property.path("items"), mismatches);
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == UUID.class) {
            expect(path, types, "string", format, "uuid", mismatches);
        } else if (raw == OffsetDateTime.class) {
            expect(path, types, "string", format, "date-time", mismatches);
        } else if (raw == LocalDate.class) {
            expect(path, types, "string", format, "date", mismatches);
        } else if (raw == String.class) {
            expect(path, types, "string", format, format, mismatches);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expect(path, types, "integer", format, format, mismatches);
        } else if (raw == double.class || raw == Double.class) {
            expect(path, types, "number", format, format, mismatches);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(path, types, "boolean", format, format, mismatches);
        } else if (raw.isRecord()) {
            expect(path, types, "object", format, format, mismatches);
            compare(path, raw, property, mismatches);
        } else {
            mismatches.add(path + ": " + raw.getSimpleName() + " has no JSON Schema mapping");
        }
        if (raw.isPrimitive() && types.contains("null")) {
            mismatches.add(path + ": the schema allows null, the record's " + raw + " cannot carry it");
        }
    }

    private static void expect(String path, Set<String> types, String json, String format, String expectedFormat,
            List<String> mismatches) {
        Set<String> nonNull = new LinkedHashSet<>(types);
        nonNull.remove("null");
        if (!nonNull.equals(Set.of(json))) {
            mismatches.add(path + ": schema type " + types + ", the record has " + json);
        }
        if (expectedFormat != null && !expectedFormat.equals(format)) {
            mismatches.add(path + ": schema format " + format + ", the record has " + expectedFormat);
        }
    }

    private static void undescribed(String path, JsonNode schema, List<String> undescribed) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = path + "." + field.getKey();
            if (field.getValue().path("description").asText("").isBlank()) {
                undescribed.add(child);
            }
            undescribed(child, field.getValue(), undescribed);
            if (field.getValue().has("items")) {
                undescribed(child + "[]", field.getValue().get("items"), undescribed);
            }
        }
    }

    static Path schema(String file) {
        return Schemas.DIRECTORY.resolve(file);
    }
}
