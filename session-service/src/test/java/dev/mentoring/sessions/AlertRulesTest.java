package dev.mentoring.sessions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mentoring.sessions.api.SchedulingTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The alerts (deploy/k8s/base/prometheus-rules.yaml) and the dashboard (deploy/k8s/base/dashboards) query metrics that
 * exist: every metric name in their expressions is on this service's /q/metrics. session-service has every kind the
 * rules use (HTTP requests, the outbox, consumers, dead letters, jobs); the gateway's request metrics have the same
 * names (gateway's RouteMetricsTest).
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
// after the other tests of the same application: Micrometer first looks for a consumer's per-partition metrics a minute
// after the consumer starts, which those tests mostly spend (the module's pom orders by @Order)
@Order(Integer.MAX_VALUE)
class AlertRulesTest {

    private static final Path BASE = Path.of("..", "deploy", "k8s", "base");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and", "or",
            "unless", "bool", "offset", "inf", "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Inject
    Pool pool;

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(String expr) {
        String bare = STRING.matcher(expr).replaceAll("\"\"");
        bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        bare = LABEL_LIST.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean function = bare.substring(identifier.end()).matches("(?s)\\s*\\(.*");
            boolean number = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> ruleExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(BASE.resolve("prometheus-rules.yaml")));
        rules.at("/spec/groups").forEach(group -> group.path("rules").forEach(rule -> exprs.add(rule.path("expr").asText())));
        return exprs;
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(BASE.resolve("dashboards/mentoring-platform.json")));
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> exprs.add(target.path("expr").asText())));
        // a variable's label_values(<series>, <label>): the series is the expression
        Pattern labelValues = Pattern.compile("label_values\\((.+),\\s*[a-zA-Z_]+\\)");
        dashboard.at("/templating/list").forEach(variable -> {
            Matcher query = labelValues.matcher(variable.path("definition").asText());
            if (query.matches()) {
                exprs.add(query.group(1));
            }
        });
        return exprs;
    }

    @Test
    void readsTheMetricNamesOfAnExpression() {
        assertThat(metricNames("sum by (job, le) (rate(a_b_bucket{x=\"y\",le=~\"0.5\"}[5m])) / on(job) group_left c_total > 0.05 "
                + "and histogram_quantile(0.99, d) or max_over_time(e[$__range]) > bool 1e3"))
                .containsExactly("a_b_bucket", "c_total", "d", "e");
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardQueryIsExposed() throws IOException {
        List<String> rules = ruleExpressions();
        assertThat(rules).as("alerts for 5xx, latency, outbox lag, parked rows, consumer lag, dead letters, job failures")
                .hasSizeGreaterThanOrEqualTo(7);
        Set<String> names = new TreeSet<>();
        rules.forEach(expr -> names.addAll(metricNames(expr)));
        Set<String> ruleNames = Set.copyOf(names);
        dashboardExpressions().forEach(expr -> names.addAll(metricNames(expr)));
        assertThat(ruleNames).contains("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "mentoring_outbox_oldest_pending_age_seconds", "mentoring_outbox_parked_rows",
                "kafka_consumer_fetch_manager_records_lag", "mentoring_events_dead_lettered_total", "mentoring_job_runs_total");

        // the request metrics exist once a request was answered, a type's published count once one was published, the
        // consumer's per-partition lag once it was assigned its partitions: a session scheduled does all three
        Partnerships.Pair pair = Partnerships.started(pool);
        assertThat(SchedulingTest.schedule(pair.mentee(), pair, SchedulingTest.body(LocalDate.now().plusDays(50).atTime(9, 0),
                "Europe/Copenhagen", 60, null)).statusCode()).isEqualTo(201);
        // Micrometer looks for a consumer's new per-partition metrics once a minute
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(names).allSatisfy(name -> assertThat(metrics).as("a sample of %s on /q/metrics", name)
                    .containsPattern("(?m)^" + Pattern.quote(name) + "[{ ]"));
        });
    }
}
