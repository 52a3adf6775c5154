package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Two of everything, as deploy/local/platform runs them for the e2e run (replicas_up): the first gateway (routing to
 * the first instance of each service) and the second (routing to the second instances), HAProxy in front of both
 * ({@link Platform#GATEWAY}), and the services' databases, read with psql for what the API does not show.
 */
final class Replicas {

    static final String GATEWAY_1 = System.getProperty("gateway1.url", "http://127.0.0.1:8080");
    static final String GATEWAY_2 = System.getProperty("gateway2.url", "http://127.0.0.1:9080");
    static final List<String> GATEWAYS = List.of(GATEWAY_1, GATEWAY_2);

    private Replicas() {
    }

    /** A request through this gateway as this demo user. */
    static RequestSpecification via(String gateway, String user) {
        return RestAssured.given().baseUri(gateway).header("Authorization", "Bearer " + Platform.tokenOf(user));
    }

    /**
     * New active partnerships of one mentor with each of these mentees, the mentor's earlier ones ended first (a mentor
     * has places for two mentees; other tests leave theirs running); answers their ids, in the mentees' order.
     */
    static List<String> partnerships(String mentor, String... mentees) {
        String mentorId = Pairs.existingProfile(mentor);
        for (String state : List.of("ACTIVE", "PAUSED")) {
            List<String> running = Platform.as(mentor).queryParam("state", state).queryParam("limit", 200)
                    .get("/api/v1/matching/partnerships").then().statusCode(200).extract()
                    .path("items.findAll { it.mentorId == '" + mentorId + "' }.id");
            running.forEach(id -> Platform.as(mentor).contentType("application/json").body("{\"reasonCategory\":\"OTHER\"}")
                    .post("/api/v1/matching/partnerships/" + id + "/ending").then().statusCode(200));
        }
        return Arrays.stream(mentees).map(mentee -> Pairs.start(mentee, mentor)).toList();
    }

    /** Ends these partnerships as their mentor, so that the mentor's places are free for the tests after. */
    static void end(String mentor, java.util.Collection<String> partnerships) {
        partnerships.forEach(id -> Platform.as(mentor).contentType("application/json").body("{\"reasonCategory\":\"OTHER\"}")
                .post("/api/v1/matching/partnerships/" + id + "/ending").then().statusCode(org.hamcrest.Matchers.oneOf(200, 409)));
    }

    /** The PID file name of a service's instance: "sessions" for the first, "sessions-2" for the second. */
    static String instance(String service, int n) {
        return n == 1 ? service : service + "-2";
    }

    /** Runs SQL (one statement or several) on a service's database of this run as its owner; answers the rows, '|'-separated. */
    static List<String> sql(String database, String statements) throws IOException, InterruptedException {
        String suffix = Files.exists(Platform.RUN_DIR.resolve("db-suffix"))
                ? Files.readString(Platform.RUN_DIR.resolve("db-suffix")).trim() : "";
        Process psql = new ProcessBuilder("su", "postgres", "-c", "psql -q -tA -v ON_ERROR_STOP=1 -d " + database + suffix)
                .redirectErrorStream(true).start();
        psql.getOutputStream().write(statements.getBytes(StandardCharsets.UTF_8));
        psql.getOutputStream().close();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(psql.exitValue()).as("psql on %s: %s", database, out).isZero();
        return Arrays.stream(out.split("\n")).filter(line -> !line.isBlank()).toList();
    }

    /** A list of ids for SQL: 'a','b'. */
    static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** The event's type and payload field. */
    static String field(ConsumerRecord<String, String> record, String pointer) {
        return CloudEvents.read(record).at(pointer).asText();
    }

    /** The events of this type among the records, by the value of a payload field: how often each value came. */
    static Map<String, Long> countBy(List<ConsumerRecord<String, String>> records, String pointer) {
        return records.stream().collect(java.util.stream.Collectors.groupingBy(r -> field(r, pointer),
                java.util.stream.Collectors.counting()));
    }

    static boolean ofType(ConsumerRecord<String, String> record, String type) {
        return type.equals(field(record, "/type"));
    }
}
