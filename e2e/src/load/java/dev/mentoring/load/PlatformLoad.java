package dev.mentoring.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The chaos run's load (deploy/local/chaos): journeys through the load balancer and both gateways with real tokens from
 * the real Keycloak, at constant arrival rates, for a fixed time.
 * <ul>
 * <li>an HR platform's sync (40 % of {@code load.rate}): a person created
 * ({@code PUT /participants/by-employee-id/LOAD-<run>-<n>}) or one of a fixed set of people updated again, and now and
 * then (2 %) a bulk import of ten new people;</li>
 * <li>mentees (45 %): their profile and their recommendations;</li>
 * <li>program admins (15 %): the tenant's participants, a page;</li>
 * <li>partnerships ({@code load.partnerships} per second): a mentee asks a mentor, who declines (a quarter) or
 * accepts; both sign an agreement with a goal; the mentee schedules a weekly series (its first within the day, so its
 * reminder falls due) and moves one, records a meeting that took place, which the mentor completes, with a note and an
 * action item; the mentee gives feedback on it and reaches the goal; an analytics client reads the figures; the
 * partnership ends and the mentee answers the closing evaluation. Each journey holds one of {@code load.pairs} mentee-mentor pairs (deploy/local/chaos-people) for
 * its length; steps that wait for another service to learn of the partnership are asked again every half second.</li>
 * </ul>
 * Every answer is written to {@code load.log}, one line per request:
 * {@code epoch ms,step,status,ms,subject,version,key,answer} where subject is the employee id (HR sync) or the goal
 * (check-in), version the acknowledged version (HR sync), key the partnership, and answer, for any status but 2xx,
 * {@code problem} when it was application/problem+json and {@code +retry} when it said Retry-After. The audit
 * (deploy/local/chaos-audit) reads it.
 */
public class PlatformLoad extends Simulation {

    private static final String GATEWAY = System.getProperty("gateway.url", "http://127.0.0.1:8000");
    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final int RATE = Integer.getInteger("load.rate", 20);
    private static final double PARTNERSHIPS = Double.parseDouble(System.getProperty("load.partnerships", "1"));
    private static final int PAIRS = Integer.getInteger("load.pairs", 40);
    private static final int SECONDS = Integer.getInteger("load.seconds", 60);
    private static final String RUN = System.getProperty("load.run", Long.toString(System.currentTimeMillis() / 1000));
    private static final Path LOG = Path.of(System.getProperty("load.log", "target/load/load.log"));
    /** The people the sync updates again and again (their versions rise; the copies must reach the last). */
    private static final int KEPT = 50;
    /** How often a step that waits for another service is asked (every half second: a minute). */
    private static final int TRIES = 120;

    private static final AtomicLong created = new AtomicLong();
    private static final BufferedWriter log = open();
    /** The pairs free for a journey; a pair whose journey stopped half-way is tidied by the next that takes it. */
    private static final ConcurrentLinkedQueue<Integer> free = new ConcurrentLinkedQueue<>(IntStream.rangeClosed(1, PAIRS).boxed().toList());
    private static final Set<Integer> untidy = ConcurrentHashMap.newKeySet();

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
                String form = caller.startsWith("hr-") || caller.startsWith("analytics-")
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

    /** A request as this caller (a session attribute naming them, or a fixed caller), its answer kept for the log. */
    private static HttpRequestActionBuilder as(HttpRequestActionBuilder request, Function<Session, String> caller) {
        return request.header("Authorization", session -> "Bearer " + Tokens.of(caller.apply(session)))
                .check(status().saveAs("status"), header("ETag").optional().saveAs("etag"),
                        header("Content-Type").optional().saveAs("contentType"), header("Retry-After").optional().saveAs("retryAfter"));
    }

    /** One line of the log per answer (see the class comment). */
    private static Session logged(Session session, String step) {
        int status = answered(session);
        long started = session.contains("started") ? session.getLong("started") : System.currentTimeMillis();
        String subject = session.contains("subject") ? session.getString("subject") : "";
        // the version acknowledged: the ETag, the profile's version in quotes
        String etag = session.contains("etag") ? session.getString("etag") : null;
        String version = etag == null || status / 100 != 2 ? "" : etag.replaceAll("[^0-9]", "");
        String key = session.contains("partnership") ? session.getString("partnership") : "";
        String answer = "";
        if (status / 100 != 2) {
            String type = session.contains("contentType") ? session.getString("contentType") : "";
            answer = (type.startsWith("application/problem+json") ? "problem" : "") + (session.contains("retryAfter") ? "+retry" : "");
        }
        write(System.currentTimeMillis() + "," + step + "," + status + "," + (System.currentTimeMillis() - started) + ","
                + subject + "," + version + "," + key + "," + answer);
        return session.remove("status").remove("etag").remove("contentType").remove("retryAfter").remove("subject").remove("pending");
    }

    /** One request, logged; the journey is left (its block fails) unless the answer is one of {@code expected}. */
    private static ChainBuilder step(String step, HttpRequestActionBuilder request, int... expected) {
        return exec(session -> session.set("started", System.currentTimeMillis()).set("pending", step)).exec(request).exec(session -> {
            int status = answered(session);
            Session next = logged(session, step);
            return expected.length == 0 || oneOf(status, expected) ? next : next.markAsFailed();
        });
    }

    /**
     * A request asked again every half second while {@code again} holds of its answer (another service has not yet
     * learnt what it needs, or a time was taken), up to a minute; then as {@link #step}.
     */
    private static ChainBuilder eventually(String step, HttpRequestActionBuilder request, Predicate<Session> again, int... expected) {
        return exec(session -> session.set("tries", 0).set("again", true))
                .asLongAs(session -> session.getBoolean("again")).on(
                        exec(session -> session.set("tries", session.getInt("tries") + 1).set("started", System.currentTimeMillis())
                                .set("pending", step))
                                .exec(request)
                                .exec(session -> {
                                    int status = answered(session);
                                    boolean more = again.test(session) && session.getInt("tries") < TRIES;
                                    Session next = logged(session, step).set("again", more);
                                    return more || expected.length == 0 || oneOf(status, expected) ? next : next.markAsFailed();
                                })
                                .doIf(session -> session.getBoolean("again")).then(pause(Duration.ofMillis(500))));
    }

    /** The status of the answer just received (0: none). */
    private static int answered(Session session) {
        return session.contains("status") ? session.getInt("status") : 0;
    }

    private static boolean oneOf(int status, int... statuses) {
        return Arrays.stream(statuses).anyMatch(s -> s == status);
    }

    private static Predicate<Session> statusIn(int... statuses) {
        return session -> oneOf(answered(session), statuses);
    }

    private static final ChainBuilder sync = exec(session -> {
        long n = created.incrementAndGet();
        String employee = n % 3 == 0 ? "LOAD-KEPT-" + (n % KEPT) : "LOAD-" + RUN + "-" + n;
        return session.set("employee", employee).set("profileBody", profile("Load person " + employee + " v" + n));
    }).exec(session -> session.set("subject", session.getString("employee")))
            .exec(step("hr-sync", as(http("hr-sync").put(session -> "/api/v1/matching/participants/by-employee-id/" + session.getString("employee"))
                    .header("Content-Type", "application/json").body(StringBody(session -> session.getString("profileBody"))), session -> "hr-acme")));

    /** A bulk import of ten new people (the HR platform's nightly sync in small); each one created is logged as acknowledged. */
    private static final ChainBuilder bulkImport = exec(session -> {
        long n = created.incrementAndGet();
        StringBuilder body = new StringBuilder("{\"participants\":[");
        for (int k = 0; k < 10; k++) {
            String employee = "LOAD-" + RUN + "-i" + n + "-" + k;
            body.append(k == 0 ? "" : ",").append("{\"employeeId\":\"").append(employee).append("\",\"profile\":")
                    .append(profile("Imported " + employee)).append('}');
        }
        return session.set("importBody", body.append("]}").toString()).set("imported", List.of());
    }).exec(step("hr-import", as(http("hr-import").post("/api/v1/matching/participants/imports").header("Content-Type", "application/json")
            .body(StringBody(session -> session.getString("importBody")))
            .check(jsonPath("$.items[?(@.outcome=='CREATED')].employeeId").findAll().optional().saveAs("imported")), session -> "hr-acme")))
            .exec(session -> {
                // one line per person created: acknowledged at version 0, as a PUT that creates is
                for (String employee : session.<String>getList("imported")) {
                    write(System.currentTimeMillis() + ",hr-import-item,200,0," + employee + ",0,,");
                }
                return session;
            });

    private static final ChainBuilder mentee = exec(session -> session.set("mentee", "acme-mentee" + (1 + ThreadLocalRandom.current().nextInt(4))))
            .exec(step("mentee-profile", as(http("mentee-profile").get("/api/v1/matching/participants/me"), session -> session.getString("mentee"))))
            .exec(step("mentee-recommendations", as(http("mentee-recommendations").get("/api/v1/matching/participants/me/recommendations"),
                    session -> session.getString("mentee"))));

    private static final ChainBuilder admin = step("admin-participants",
            as(http("admin-participants").get("/api/v1/matching/participants?limit=20"), session -> "acme-admin"));

    private static String minuteIn(LocalDateTime from, int minutes) {
        return from.plusMinutes(ThreadLocalRandom.current().nextInt(minutes)).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Function<Session, String> mentee() {
        return session -> session.getString("mentee");
    }

    private static Function<Session, String> mentor() {
        return session -> session.getString("mentor");
    }

    /** A pair whose last journey stopped half-way: the mentee's open requests withdrawn, running partnerships ended. */
    private static final ChainBuilder tidy = exec(session -> session.set("open", List.of()).set("running", List.of()))
            .exec(step("tidy-requests", as(http("tidy-requests").get("/api/v1/matching/mentorship-requests?state=OPEN&limit=200")
                    .check(jsonPath("$.items[*].id").findAll().optional().saveAs("open")), mentee()), 200))
            .foreach("#{open}", "openId").on(step("tidy-withdraw", as(http("tidy-withdraw")
                    .post("/api/v1/matching/mentorship-requests/#{openId}/withdrawal"), mentee()), 200, 409))
            .exec(step("tidy-partnerships", as(http("tidy-partnerships").get("/api/v1/matching/partnerships?state=ACTIVE&limit=200")
                    .check(jsonPath("$.items[*].id").findAll().optional().saveAs("running")), mentee()), 200))
            .foreach("#{running}", "runningId").on(step("tidy-end", as(http("tidy-end")
                    .post("/api/v1/matching/partnerships/#{runningId}/ending").header("Content-Type", "application/json")
                    .body(StringBody("{\"reasonCategory\":\"OTHER\"}")), mentee()), 200, 409));

    private static final String SESSIONS = "/api/v1/sessions/partnerships/#{partnership}/sessions";

    private static final ChainBuilder partnershipJourney = exitBlockOnFail().on(
            doIfTidy()
                    .exec(step("mentor-profile", as(http("mentor-profile").get("/api/v1/matching/participants/me")
                            .check(jsonPath("$.id").optional().saveAs("mentorId")), mentor()), 200))
                    .exec(step("request", as(http("request").post("/api/v1/matching/mentorship-requests").header("Content-Type", "application/json")
                            .body(StringBody("{\"mentorId\":\"#{mentorId}\",\"message\":\"Would you mentor me?\"}"))
                            .check(jsonPath("$.id").optional().saveAs("partnership")), mentee()), 201))
                    .exec(session -> session.set("declines", ThreadLocalRandom.current().nextInt(4) == 0))
                    .doIfOrElse(session -> session.getBoolean("declines")).then(
                            step("decline", as(http("decline").post("/api/v1/matching/mentorship-requests/#{partnership}/decline")
                                    .header("Content-Type", "application/json").body(StringBody("{\"reasonCategory\":\"SCHEDULE_CONFLICT\"}")), mentor()), 200))
                    .orElse(exec(step("accept", as(http("accept").post("/api/v1/matching/mentorship-requests/#{partnership}/acceptance"), mentor()), 200))
                            .exec(step("agreement", as(http("agreement").put("/api/v1/matching/partnerships/#{partnership}/agreement")
                                    .header("Content-Type", "application/json").body(StringBody(session -> """
                                            {"goals":[{"statement":"Run the quarterly planning","measure":"plans run","target":"1",
                                             "why":"Lead the team","dueDate":"%s"}],"cadence":"WEEKLY","sessionMinutes":30,"meetingMode":"VIDEO"}"""
                                            .formatted(LocalDate.now().plusMonths(2)))), mentee()), 201))
                            .exec(step("sign-mentee", as(http("sign-mentee").post("/api/v1/matching/partnerships/#{partnership}/agreement/signatures")
                                    .header("Content-Type", "application/json").body(StringBody("{\"version\":1}")), mentee()), 200))
                            .exec(step("sign-mentor", as(http("sign-mentor").post("/api/v1/matching/partnerships/#{partnership}/agreement/signatures")
                                    .header("Content-Type", "application/json").body(StringBody("{\"version\":1}")), mentor()), 200))
                            // session-service learns of the partnership from its events (404 until then); a taken time is 409
                            .exec(eventually("schedule-series", as(http("schedule-series").post(SESSIONS).header("Content-Type", "application/json")
                                    .body(StringBody(session -> """
                                            {"start":"%s","timeZone":"UTC","durationMinutes":30,"mode":"VIDEO","rrule":"FREQ=WEEKLY;COUNT=3",
                                             "placeOrLink":"https://meet.example.com/load"}"""
                                            .formatted(minuteIn(LocalDateTime.now(ZoneOffset.UTC).plusHours(2), 20 * 60))))
                                    .check(jsonPath("$.sessions[1].id").optional().saveAs("moving")), mentee()), statusIn(404, 403, 409), 201))
                            .exec(eventually("move", as(http("move").post("/api/v1/sessions/#{moving}/rescheduling").header("Content-Type", "application/json")
                                    .body(StringBody(session -> "{\"start\":\"" + minuteIn(LocalDateTime.now(ZoneOffset.UTC).plusDays(9), 24 * 60) + "\"}")),
                                    mentee()), statusIn(409), 200))
                            .exec(eventually("record-held", as(http("record-held").post(SESSIONS).header("Content-Type", "application/json")
                                    .body(StringBody(session -> """
                                            {"start":"%s","timeZone":"UTC","durationMinutes":30,"mode":"PHONE"}"""
                                            .formatted(minuteIn(LocalDateTime.now(ZoneOffset.UTC).minusDays(13), 12 * 24 * 60))))
                                    .check(jsonPath("$.sessions[0].id").optional().saveAs("held")), mentee()), statusIn(409), 201))
                            .exec(step("complete", as(http("complete").post("/api/v1/sessions/#{held}/completion").header("Content-Type", "application/json")
                                    .body(StringBody("{\"attendance\":\"BOTH\",\"actualMinutes\":30}")), mentor()), 200))
                            .exec(step("note", as(http("note").post("/api/v1/sessions/#{held}/notes").header("Content-Type", "application/json")
                                    .body(StringBody("{\"text\":\"Agreed: practise the pitch twice\"}")), mentor()), 201))
                            .exec(step("action-item", as(http("action-item").post("/api/v1/sessions/partnerships/#{partnership}/action-items")
                                    .header("Content-Type", "application/json").body(StringBody(session -> """
                                            {"title":"Draft the promotion case","assignee":"MENTEE","dueDate":"%s"}"""
                                            .formatted(LocalDate.now().plusDays(10)))), mentor()), 201))
                            // feedback-service learns of the session and the partnership from their events
                            .exec(eventually("feedback", as(http("feedback").post("/api/v1/feedback/sessions/#{held}/feedback")
                                    .header("Content-Type", "application/json")
                                    .body(StringBody("{\"overall\":4,\"preparation\":4,\"communication\":5,\"comment\":\"Useful\",\"shareWithOther\":true}")),
                                    mentee()), statusIn(404, 403, 409), 201))
                            .exec(session -> session.remove("goal"))
                            .exec(eventually("goals", as(http("goals").get("/api/v1/feedback/partnerships/#{partnership}/goals")
                                    .check(jsonPath("$.items[0].goalId").optional().saveAs("goal")), mentee()),
                                    session -> !session.contains("goal") || statusIn(404, 403).test(session), 200))
                            .exec(session -> session.set("subject", session.getString("goal")))
                            .exec(step("goal-reached", as(http("goal-reached").post("/api/v1/feedback/partnerships/#{partnership}/goals/#{goal}/check-ins")
                                    .header("Content-Type", "application/json").body(StringBody("{\"progressPercent\":100,\"note\":\"Ran it\"}")), mentee()), 201))
                            .exec(step("analytics", as(http("analytics").get("/api/v1/feedback/analytics"), session -> "analytics-acme"), 200))
                            .exec(step("end", as(http("end").post("/api/v1/matching/partnerships/#{partnership}/ending")
                                    .header("Content-Type", "application/json").body(StringBody("{\"reasonCategory\":\"GOALS_ACHIEVED\"}")), mentee()), 200))
                            // the closing evaluation opens when feedback-service learns of the end; the mentee answers it
                            .exec(session -> session.remove("evaluation"))
                            .exec(eventually("evaluations", as(http("evaluations").get("/api/v1/feedback/partnerships/#{partnership}/evaluations?limit=20")
                                    .check(jsonPath("$.items[?(@.state=='OPEN')].id").optional().saveAs("evaluation")), mentee()),
                                    session -> !session.contains("evaluation") || statusIn(404, 403).test(session), 200))
                            .exec(session -> session.set("subject", session.getString("evaluation")))
                            .exec(step("evaluation-answer", as(http("evaluation-answer")
                                    .post("/api/v1/feedback/partnerships/#{partnership}/evaluations/#{evaluation}/answers")
                                    .header("Content-Type", "application/json")
                                    .body(StringBody("{\"goals\":[{\"goalId\":\"#{goal}\",\"progressPercent\":100,\"status\":\"ACHIEVED\"}],"
                                            + "\"relationshipQuality\":4,\"recommend\":9,\"wentWell\":\"Clear goals\"}")), mentee()), 201))));

    private static ChainBuilder doIfTidy() {
        return doIf(session -> untidy.contains(session.getInt("pair"))).then(tidy);
    }

    private static final ChainBuilder partnership = exec(session -> {
        Integer pair = free.poll();
        return pair == null ? session.set("pair", 0)
                : session.set("pair", pair).set("mentee", "acme-load-mentee%02d".formatted(pair)).set("mentor", "acme-load-mentor%02d".formatted(pair));
    }).doIfOrElse(session -> session.getInt("pair") == 0).then(exec(session -> {
        write(System.currentTimeMillis() + ",no-pair-free,0,0,,,,");
        return session;
    })).orElse(exec(partnershipJourney).exec(session -> {
        // a request that got no answer at all (refused, reset, timed out) failed the journey before it was logged
        if (session.contains("pending")) {
            session = logged(session.remove("status"), session.getString("pending"));
        }
        int pair = session.getInt("pair");
        if (session.isFailed()) {
            untidy.add(pair);
        } else {
            untidy.remove(pair);
        }
        free.add(pair);
        return session.markAsSucceeded().remove("partnership");
    }));

    {
        HttpProtocolBuilder protocol = http.baseUrl(GATEWAY).acceptHeader("application/json")
                .disableFollowRedirect().shareConnections();
        var journeys = scenario("journeys").exec(randomSwitch().on(
                new Choice.WithWeight(38.0, sync), new Choice.WithWeight(2.0, bulkImport), new Choice.WithWeight(45.0, mentee),
                new Choice.WithWeight(15.0, admin)));
        var partnerships = scenario("partnerships").exec(partnership);
        if (PARTNERSHIPS > 0) {
            setUp(journeys.injectOpen(constantUsersPerSec(RATE).during(SECONDS)),
                    partnerships.injectOpen(constantUsersPerSec(PARTNERSHIPS).during(SECONDS))).protocols(protocol);
        } else {
            setUp(journeys.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(protocol);
        }
    }

    /**
     * Every caller's token fetched before the load begins: a password grant costs Keycloak tens of milliseconds of
     * hashing, and fetched during the load it would hold up the load's own threads.
     */
    @Override
    public void before() {
        List<String> callers = new java.util.ArrayList<>(List.of("hr-acme", "analytics-acme", "acme-admin"));
        IntStream.rangeClosed(1, 4).forEach(n -> callers.add("acme-mentee" + n));
        if (PARTNERSHIPS > 0) {
            IntStream.rangeClosed(1, PAIRS).forEach(n -> callers.addAll(List.of("acme-load-mentee%02d".formatted(n), "acme-load-mentor%02d".formatted(n))));
        }
        callers.parallelStream().forEach(Tokens::of);
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
