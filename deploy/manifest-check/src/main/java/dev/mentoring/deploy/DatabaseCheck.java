package dev.mentoring.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every service with a datasource has its database: the workload's datasource URLs name the service's database (and, in
 * overlays with a CloudNativePG Cluster, point at that cluster's read-write Service or a Pooler of it); there is a
 * {@code Database} of that name on that Cluster owned by the service's role, which is a managed login role of the
 * Cluster whose password Secret is the one the workload reads its password from.
 */
final class DatabaseCheck {

    static final String CHECK = "databases";

    private DatabaseCheck() {
    }

    static List<Finding> check(ManifestSet set, CodeTopology code) {
        List<Finding> findings = new ArrayList<>();
        String o = set.overlay();
        boolean operated = set.has("Cluster");
        for (CodeTopology.Service service : code.services()) {
            if (!service.hasDatasource()) {
                continue;
            }
            String db = service.database();
            String role = service.databaseUser();
            Optional<ObjectNode> deployment = set.find("Deployment", service.name());
            Map<String, Env.Value> env = Map.of();
            String workloadId = "Deployment/" + service.name();
            if (deployment.isPresent()) {
                List<Workloads.Container> containers = Workloads.of(set).stream().filter(w -> w.doc() == deployment.get())
                        .findFirst().map(Workloads.Workload::containers).orElse(List.of());
                env = containers.isEmpty() ? Map.of() : Env.of(containers.get(0), set);
            }
            Set<String> hosts = new TreeSet<>();
            for (String variable : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL")) {
                Env.Value v = env.get(variable);
                if (v == null || v.value() == null) {
                    continue;
                }
                String urlDb = CodeTopology.databaseOf(v.value());
                if (!db.equals(urlDb)) {
                    findings.add(new Finding(CHECK, o, workloadId, variable, service.name() + "'s database is " + db + " (its application.properties) but "
                            + variable + " names " + urlDb));
                }
                hosts.add(CodeTopology.hostOf(v.value()));
            }
            Env.Value username = env.get("QUARKUS_DATASOURCE_USERNAME");
            if (username != null && username.value() != null && !username.value().equals(role)) {
                findings.add(new Finding(CHECK, o, workloadId, "QUARKUS_DATASOURCE_USERNAME", "connects as " + username.value() + ", not as its role " + role));
            }
            if (!operated) {
                continue;
            }
            ObjectNode database = set.ofKind("Database").stream().filter(d -> db.equals(Json.text(d, "spec", "name")))
                    .findFirst().orElse(null);
            if (database == null) {
                findings.add(new Finding(CHECK, o, "Database/" + db, "", service.name() + " uses database " + db
                        + " but no CloudNativePG Database has spec.name " + db));
                continue;
            }
            String dbId = ManifestSet.id(database);
            if ("absent".equals(Json.text(database, "spec", "ensure"))) {
                findings.add(new Finding(CHECK, o, dbId, "/spec/ensure", "ensure: absent drops " + service.name() + "'s database"));
            }
            if (!role.equals(Json.text(database, "spec", "owner"))) {
                findings.add(new Finding(CHECK, o, dbId, "/spec/owner", "owner is " + Json.text(database, "spec", "owner")
                        + ", not " + service.name() + "'s role " + role));
            }
            String clusterName = Json.text(database, "spec", "cluster", "name");
            ObjectNode cluster = set.find("Cluster", clusterName == null ? "" : clusterName).orElse(null);
            if (cluster == null) {
                findings.add(new Finding(CHECK, o, dbId, "/spec/cluster/name", "Cluster " + clusterName + " is not in the overlay"));
                continue;
            }
            Set<String> allowedHosts = new TreeSet<>(List.of(clusterName + "-rw", clusterName + "-rw." + namespace(cluster)));
            set.ofKind("Pooler").stream().filter(p -> clusterName.equals(Json.text(p, "spec", "cluster", "name")))
                    .forEach(p -> allowedHosts.add(ManifestSet.name(p)));
            for (String host : hosts) {
                if (allowedHosts.stream().noneMatch(h -> host.equals(h) || host.startsWith(h + "."))) {
                    findings.add(new Finding(CHECK, o, workloadId, "QUARKUS_DATASOURCE_*_URL", "connects to " + host
                            + ", not to the read-write Service or a Pooler of Cluster " + clusterName + " " + allowedHosts));
                }
            }
            List<JsonNode> roles = Json.items(cluster.path("spec").path("managed").path("roles"));
            JsonNode managed = roles.stream().filter(r -> role.equals(Json.text(r, "name"))).findFirst().orElse(null);
            if (managed == null) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(cluster), "/spec/managed/roles", "role " + role + " (owner of "
                        + db + ") is not a managed role"));
                continue;
            }
            if (!managed.path("login").asBoolean(false) || "absent".equals(Json.text(managed, "ensure"))) {
                findings.add(new Finding(CHECK, o, ManifestSet.id(cluster), "/spec/managed/roles", "role " + role + " cannot log in (login: true, ensure present needed)"));
            }
            Env.Value password = env.get("QUARKUS_DATASOURCE_PASSWORD");
            String roleSecret = Json.text(managed, "passwordSecret", "name");
            if (password != null && password.secret() != null && !password.secret().equals(roleSecret)) {
                findings.add(new Finding(CHECK, o, workloadId, "QUARKUS_DATASOURCE_PASSWORD", "reads its password from Secret "
                        + password.secret() + " but role " + role + "'s passwordSecret is " + roleSecret));
            }
        }
        return findings;
    }

    private static String namespace(JsonNode doc) {
        String ns = Json.text(doc, "metadata", "namespace");
        return ns == null ? "default" : ns;
    }
}
