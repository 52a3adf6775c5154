package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proof that the checks can fail: one defect at a time is planted in a copy of the rendered production overlay, and the
 * checker must report exactly that one defect more than it reports for the overlay as it is.
 */
class PlantedDefectsTest {

    private static final String OVERLAY = CrossChecks.PRODUCTION;

    @Test
    void aMisspeltReplicasInADeploymentFailsTheSchema() {
        Finding f = plantedOnce(this::schema, set -> {
            ObjectNode spec = (ObjectNode) first(set, "Deployment").get("spec");
            JsonNode replicas = spec.remove("replicas");
            spec.set("replica", replicas != null ? replicas : spec.numberNode(2));
        });
        assertThat(f.check()).isEqualTo(SchemaCatalog.CHECK);
        assertThat(f.resource()).startsWith("Deployment/");
        assertThat(f.path()).isEqualTo("/spec");
        assertThat(f.message()).contains("'replica'");
    }

    @Test
    void aMisspeltPartitionsInAKafkaTopicFailsTheSchema() {
        Finding f = plantedOnce(this::schema, set -> {
            ObjectNode spec = (ObjectNode) first(set, "KafkaTopic").get("spec");
            spec.set("partition", spec.remove("partitions"));
        });
        assertThat(f.resource()).startsWith("KafkaTopic/");
        assertThat(f.path()).isEqualTo("/spec");
        assertThat(f.message()).contains("'partition'");
    }

    @Test
    void aMisspeltForInAnAlertRuleFailsTheSchema() {
        Finding f = plantedOnce(this::schema, set -> {
            ObjectNode rule = (ObjectNode) first(set, "PrometheusRule").at("/spec/groups/0/rules/0");
            rule.set("fore", rule.remove("for"));
        });
        assertThat(f.resource()).startsWith("PrometheusRule/");
        assertThat(f.path()).isEqualTo("/spec/groups/0/rules/0");
        assertThat(f.message()).contains("'fore'");
    }

    @Test
    void aSecretKeyRefToAMissingSecretIsReported() {
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode container = (ObjectNode) first(set, "Deployment").at("/spec/template/spec/containers/0");
            ObjectNode ref = container.withArray("env").addObject().put("name", "PLANTED").putObject("valueFrom").putObject("secretKeyRef");
            ref.put("name", "planted-missing-secret").put("key", "password");
        });
        assertThat(f.check()).isEqualTo(ReferenceCheck.CHECK);
        assertThat(f.resource()).startsWith("Deployment/");
        assertThat(f.message()).contains("Secret 'planted-missing-secret'");
        assertThat(f.path()).endsWith("/valueFrom/secretKeyRef");
    }

    @Test
    void aServiceSelectorThatMatchesNothingIsReported() {
        String[] service = new String[1];
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode s = set.ofKind("Service").stream().filter(x -> x.at("/spec/selector").size() > 0).findFirst().orElseThrow();
            service[0] = ManifestSet.id(s);
            ((ObjectNode) s.get("spec")).putObject("selector").put("app.kubernetes.io/name", "planted-nothing");
        });
        assertThat(f.check()).isEqualTo(SelectorCheck.CHECK);
        assertThat(f.resource()).isEqualTo(service[0]);
        assertThat(f.message()).contains("selects the pods of no workload");
    }

    @Test
    void aKafkaUserAclOnAForeignTopicIsReported() {
        CodeTopology.Service producer = Overlays.CODE.services().stream().filter(s -> !s.produces().isEmpty()).findFirst().orElseThrow();
        String foreign = Overlays.CODE.topics().stream().filter(t -> !producer.writes().contains(t) && !producer.consumes().contains(t))
                .findFirst().orElseThrow();
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode user = set.find("KafkaUser", producer.name()).orElseThrow();
            ObjectNode acl = user.withObject("/spec/authorization").withArray("acls").addObject();
            acl.putObject("resource").put("type", "topic").put("name", foreign).put("patternType", "literal");
            acl.putArray("operations").add("Write");
        });
        assertThat(f.check()).isEqualTo(KafkaCheck.CHECK);
        assertThat(f.resource()).isEqualTo("KafkaUser/" + producer.name());
        assertThat(f.message()).contains("grants Write on topic " + foreign);
    }

    @Test
    void aTopicTheCodeUsesRemovedIsReported() {
        String topic = Overlays.CODE.writers().keySet().iterator().next();
        Finding f = plantedOnce(this::crossChecks, set -> assertThat(set.documents().removeIf(d -> "KafkaTopic".equals(ManifestSet.kind(d))
                && topic.equals(d.at("/spec/topicName").isMissingNode() ? ManifestSet.name(d) : d.at("/spec/topicName").asString())))
                .as("a KafkaTopic " + topic + " to remove").isTrue());
        assertThat(f.check()).isEqualTo(KafkaCheck.CHECK);
        assertThat(f.message()).contains("the code uses topic " + topic).contains("no KafkaTopic");
    }

    @Test
    void aWritableRootFilesystemIsReported() {
        Finding f = plantedOnce(this::crossChecks, set -> first(set, "Deployment").withObject("/spec/template/spec/containers/0/securityContext")
                .put("readOnlyRootFilesystem", false));
        assertThat(f.check()).isEqualTo(HardeningCheck.CHECK);
        assertThat(f.path()).endsWith("/securityContext/readOnlyRootFilesystem");
    }

    @Test
    void theRateLimitStoreWithoutALivenessProbeOrAsRootIsReported() {
        Finding probe = plantedOnce(this::crossChecks, set -> ((ObjectNode) first(set, "StatefulSet")
                .at("/spec/template/spec/containers/0")).remove("livenessProbe"));
        assertThat(probe.check()).isEqualTo(HardeningCheck.CHECK);
        assertThat(probe.resource()).isEqualTo("StatefulSet/rate-limit-store");
        assertThat(probe.path()).endsWith("/livenessProbe");
        Finding root = plantedOnce(this::crossChecks, set -> first(set, "StatefulSet")
                .withObject("/spec/template/spec/containers/0/securityContext").put("runAsUser", 0));
        assertThat(root.resource()).isEqualTo("StatefulSet/rate-limit-store");
        assertThat(root.message()).contains("root");
    }

    @Test
    void aServiceDatabaseRemovedIsReported() {
        CodeTopology.Service service = Overlays.CODE.services().stream().filter(CodeTopology.Service::hasDatasource).findFirst().orElseThrow();
        Finding f = plantedOnce(this::crossChecks, set -> assertThat(set.documents().removeIf(d -> "Database".equals(ManifestSet.kind(d))
                && service.database().equals(d.at("/spec/name").asString()))).isTrue());
        assertThat(f.check()).isEqualTo(DatabaseCheck.CHECK);
        assertThat(f.message()).contains("database " + service.database());
    }

    @Test
    void aUserInTheProductionRealmIsReported() {
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode realm = first(set, "KeycloakRealmImport").withObject("/spec/realm");
            ArrayNode users = realm.withArray("users");
            users.addObject().put("username", "planted").put("enabled", true);
        });
        assertThat(f.check()).isEqualTo(RealmCheck.CHECK);
        assertThat(f.path()).startsWith("/spec/realm/users/");
        assertThat(f.message()).contains("user planted");
    }

    @Test
    void aGatewayRouteToTheWrongServiceIsReported() {
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode gateway = set.find("Deployment", "gateway").orElseThrow();
            ObjectNode container = (ObjectNode) gateway.at("/spec/template/spec/containers/0");
            container.withArray("env").addObject().put("name", "MENTORING_GATEWAY_ROUTES_MATCHING_URL").put("value", "http://session-service");
        });
        assertThat(f.check()).isEqualTo(AddressCheck.CHECK);
        assertThat(f.resource()).isEqualTo("Deployment/gateway");
        assertThat(f.message()).contains("should reach matching-service but reaches session-service");
    }

    @Test
    void aMissingServiceOfTheOwnNamespaceIsReportedAndAnotherNamespacesIsLeftToThatNamespace() {
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode container = (ObjectNode) set.find("Deployment", "matching-service").orElseThrow().at("/spec/template/spec/containers/0");
            container.withArray("env").addObject().put("name", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                    .put("value", "http://otel-collector.mentoring.svc:4318");
        });
        assertThat(f.check()).isEqualTo(AddressCheck.CHECK);
        assertThat(f.message()).contains("no Service otel-collector");
        ManifestSet real = Overlays.rendered(OVERLAY);
        ManifestSet elsewhere = real.copy();
        ((ObjectNode) elsewhere.find("Deployment", "matching-service").orElseThrow().at("/spec/template/spec/containers/0"))
                .withArray("env").addObject().put("name", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
                .put("value", "http://tempo.observability.svc.cluster.local:4318");
        assertThat(Overlays.added(crossChecks(real), crossChecks(elsewhere))).isEmpty();
    }

    @Test
    void aKafkaClientWithoutTlsIsReported() {
        CodeTopology.Service consumer = Overlays.CODE.services().stream().filter(s -> !s.consumes().isEmpty()).findFirst().orElseThrow();
        Finding f = plantedOnce(this::crossChecks, set -> {
            ObjectNode container = (ObjectNode) set.find("Deployment", consumer.name()).orElseThrow().at("/spec/template/spec/containers/0");
            container.withArray("env").addObject().put("name", "KAFKA_SECURITY_PROTOCOL").put("value", "SASL_PLAINTEXT");
        });
        assertThat(f.check()).isEqualTo(KafkaCheck.CHECK);
        assertThat(f.path()).endsWith("KAFKA_SECURITY_PROTOCOL");
        assertThat(f.message()).contains("SASL_PLAINTEXT");
    }

    private List<Finding> schema(ManifestSet set) {
        return Overlays.SCHEMAS.validate(set);
    }

    private List<Finding> crossChecks(ManifestSet set) {
        return Overlays.CHECKS.all(set, Overlays.deployDoc());
    }

    /** Plants the defect in a copy and returns the one finding it adds; fails if it adds none or more than one. */
    private static Finding plantedOnce(Function<ManifestSet, List<Finding>> checker, Consumer<ManifestSet> defect) {
        ManifestSet real = Overlays.rendered(OVERLAY);
        List<Finding> before = checker.apply(real);
        ManifestSet planted = real.copy();
        defect.accept(planted);
        List<Finding> added = Overlays.added(before, checker.apply(planted));
        assertThat(added).as("findings the planted defect adds").hasSize(1);
        return added.get(0);
    }

    private static ObjectNode first(ManifestSet set, String kind) {
        return set.ofKind(kind).stream().findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + set.overlay()));
    }
}
