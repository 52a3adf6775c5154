package dev.mentoring.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The chaos run's load (deploy/local/chaos): journeys through the load balancer and both gateways with real tokens from
 * the real Keycloak, at a constant arrival rate, for a fixed time.
 * <ul>
 * <li>an HR platform's sync (40 %): a person created ({@code PUT /participants/by-employee-id/LOAD-<run>-<n>}) or one
 * of a fixed set of people updated again;</li>
 * <li>mentees (45 %): their profile and their recommendations;</li>
 * <li>program admins (15 %): the tenant's participants, a page.</li>
 * </ul>
 * Every answer is written to {@code load.log} (one line per request: time, journey, status, latency, and for a write
 * its employee id and the version it was acknowledged with), which the audit reads: every 2xx write must be stored, its
 * event published once, and the other services' copies must converge.
 */
public class PlatformLoad extends Simulation {

    private static final String GATEWAY = System.getProperty("gateway.url", "http://127.0.0.1:8000");
    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final int RATE = Integer.getInteger("load.rate", 20);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final String RUN = System.getProperty("load.run", Long.toString(System.currentTimeMillis() / 1000));
    private static final Path LOG = Path.of(System.getProperty("load.log", "target/load/load.log"));
    /** The people the sync updates again and again (their versions rise; the copies must reach the last). */
    private static final int KEPT = 50;

    private static final AtomicLong created = new AtomicLong();
    private static final BufferedWriter log = open();

    private static BufferedWriter open() {
        try {
            Files.createDirectories(LOG.toAbsolutePath().getParent());
            return Files.newBufferedWriter(LOG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void write(String line) {
        try {
            log.write(line);
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Real tokens, fetched once per caller and again after ten minutes (they live 15); kept while Keycloak is away. */
    static final class Tokens {
        private record Held(String token, long at) {
        }

        private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private static final Map<String, Held> held = new ConcurrentHashMap<>();

        static String of(String caller) {
            Held now = held.get(caller);
            if (now != null && System.currentTimeMillis() - now.at() < 600_000) {
                return now.token();
            }
            try {
                String form = caller.startsWith("hr-")
                        ? "grant_type=client_credentials&client_id=" + caller + "&client_secret=" + caller + "-local-secret"
                        : "grant_type=password&client_id=mentoring-test&password=demo&username=" + URLEncoder.encode(caller, StandardCharsets.UTF_8);
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/mentoring/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
                if (answer.statusCode() == 200 && token.find()) {
                    held.put(caller, new Held(token.group(1), System.currentTimeMillis()));
                    return token.group(1);
                }
            } catch (IOException e) {
                // Keycloak away: the token held goes on (the gateways verify it with the keys they hold)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (now != null) {
                return now.token();
            }
            throw new IllegalStateException("no token for " + caller + " from " + KEYCLOAK);
        }
    }

    private static String profile(String name) {
        return """
                {"displayName":"%s","timeZone":"Europe/Copenhagen","languages":["en","da"],"yearsOfExperience":4,
                 "seniority":"MID","skills":[{"name":"java","level":3}],"industries":["software"],"expertise":["java"],
                 "mentee":{"goals":"Grow as a leader and take on more responsibility in the team","desiredSkills":[{"name":"leadership","level":4}],
                 "maxTimeZoneGapHours":3,"optedIn":false}}""".formatted(name);
    }

    /** One line of the log per answer: epoch ms, journey, status, ms, employee id (writes) and acknowledged version. */
    private static Session logged(Session session, String journey) {
        int status = session.contains("status") ? session.getInt("status") : 0;
        long started = session.contains("started") ? session.getLong("started") : System.currentTimeMillis();
        String employee = session.contains("employee") ? session.getString("employee") : "";
        // the version acknowledged: the ETag, the profile's version in quotes
        String etag = session.contains("etag") ? session.getString("etag") : null;
        String version = etag == null ? "" : etag.replaceAll("[^0-9]", "");
        write(System.currentTimeMillis() + "," + journey + "," + status + "," + (System.currentTimeMillis() - started) + ","
                + employee + "," + (status / 100 == 2 ? version : ""));
        return session.remove("status").remove("etag").remove("employee");
    }

    private static ChainBuilder timed(String journey, ChainBuilder request) {
        return io.gatling.javaapi.core.CoreDsl.exec(session -> session.set("started", System.currentTimeMillis()))
                .exec(request).exec(session -> logged(session, journey));
    }

    private static final ChainBuilder sync = timed("hr-sync", io.gatling.javaapi.core.CoreDsl
            .exec(session -> {
                long n = created.incrementAndGet();
                String employee = n % 3 == 0 ? "LOAD-KEPT-" + (n % KEPT) : "LOAD-" + RUN + "-" + n;
                return session.set("employee", employee).set("profileBody", profile("Load person " + employee + " v" + n));
            })
            .exec(http("hr-sync").put(session -> "/api/v1/matching/participants/by-employee-id/" + session.getString("employee"))
                    .header("Authorization", session -> "Bearer " + Tokens.of("hr-acme"))
                    .header("Content-Type", "application/json")
                    .body(StringBody(session -> session.getString("profileBody")))
                    .check(status().saveAs("status"), header("ETag").optional().saveAs("etag"))));

    private static final ChainBuilder mentee = timed("mentee-recommendations", io.gatling.javaapi.core.CoreDsl
            .exec(session -> session.set("mentee", "acme-mentee" + (1 + (int) (Math.random() * 4))))
            .exec(http("mentee-profile").get("/api/v1/matching/participants/me")
                    .header("Authorization", session -> "Bearer " + Tokens.of(session.getString("mentee")))
                    .check(status().saveAs("status")))
            .exec(session -> logged(session, "mentee-profile").set("started", System.currentTimeMillis()))
            .exec(http("mentee-recommendations").get("/api/v1/matching/participants/me/recommendations")
                    .header("Authorization", session -> "Bearer " + Tokens.of(session.getString("mentee")))
                    .check(status().saveAs("status"))));

    private static final ChainBuilder admin = timed("admin-participants", io.gatling.javaapi.core.CoreDsl
            .exec(http("admin-participants").get("/api/v1/matching/participants?limit=20")
                    .header("Authorization", session -> "Bearer " + Tokens.of("acme-admin"))
                    .check(status().saveAs("status"))));

    {
        HttpProtocolBuilder protocol = http.baseUrl(GATEWAY).acceptHeader("application/json")
                .disableFollowRedirect().shareConnections();
        ScenarioBuilder journeys = scenario("journeys").exec(randomSwitch().on(
                new Choice.WithWeight(40.0, sync), new Choice.WithWeight(45.0, mentee), new Choice.WithWeight(15.0, admin)));
        setUp(journeys.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(protocol);
    }

    @Override
    public void after() {
        try {
            log.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
