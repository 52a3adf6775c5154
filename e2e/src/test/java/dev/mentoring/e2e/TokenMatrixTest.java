package dev.mentoring.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every kind of bad token, at the gateway and at each service directly, is refused with 401 problem+json
 * and WWW-Authenticate, and none reaches a handler: each also tries to rename the person, and the name
 * never changes. The forged tokens that need a valid signature (expired, not yet valid, wrong issuer, wrong
 * audience, no tenant) are signed by a key the test adds to the realm as a passive key, so that they fail
 * for the reason they name; the same key signing a correct token is let through (the control). Also: a key
 * rotation in Keycloak causes no failed request.
 */
class TokenMatrixTest {

    private static final String USER = "acme-mentee1";
    private static final String ISSUER = RealmKeys.KEYCLOAK + "/realms/mentoring";
    private static KeyPair trusted;
    private static String trustedComponent;
    private static String trustedKid;

    /** Where a token is presented: the gateway, or a service's own port. */
    record Target(String name, String base, String mePath) {
    }

    static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("gateway", Platform.GATEWAY, "/api/v1/matching/participants/me"));
        Platform.SERVICES.forEach((name, base) -> targets.add(new Target(name, base,
                name.equals("matching") ? "/participants/me" : null)));
        return targets;
    }

    @BeforeAll
    static void trustATestKey() {
        Pairs.existingProfile(USER); // the renames below are checked against the person's profile
        trusted = Jwts.newRsaKey();
        String[] imported = RealmKeys.importPassive("e2e-token-matrix-" + UUID.randomUUID(), trusted);
        trustedComponent = imported[0];
        trustedKid = imported[1];
    }

    @AfterAll
    static void forgetTheTestKey() {
        if (trustedComponent != null) {
            RealmKeys.delete(trustedComponent);
        }
    }

    private static Response rename(Target target, String token, String name) {
        var request = given().baseUri(target.base()).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + name + "\",\"timeZone\":\"Europe/Copenhagen\",\"languages\":[\"en\"]}");
        if (token != null) {
            request.header("Authorization", token.startsWith("Basic") ? token : "Bearer " + token);
        }
        return request.put(target.mePath());
    }

    /** Services without the profile route are asked every GET operation of their own API document. */
    private static List<String> protectedGets(Target target) {
        if (target.mePath() != null) {
            return List.of(target.mePath());
        }
        return ApiOperations.of(target.base() + "/q/openapi?format=json").operations.stream()
                .filter(op -> op.method().equals("GET") && !op.hasPathParameters() && !op.roles().isEmpty())
                .map(ApiOperations.Operation::path).toList();
    }

    /** Where a correct token is shown to be let through: the profile, else the first protected GET. */
    private static String probe(Target target) {
        return target.mePath() != null ? target.mePath() : protectedGets(target).get(0);
    }

    /** Whether a token got past authentication: anything but 401 (the handler may still say 403 or 404). */
    private static boolean accepted(Target target, String token) {
        int status = given().baseUri(target.base()).header("Authorization", "Bearer " + token).get(probe(target)).statusCode();
        return target.mePath() != null ? status == 200 : status != 401;
    }

    /** Polls until this token is let through (JWKS refresh after a new key), at most 30 s. */
    private static void awaitAccepted(Target target, String token) throws InterruptedException {
        boolean accepted = false;
        for (int i = 0; i < 60 && !accepted; i++) {
            accepted = accepted(target, token);
            if (!accepted) {
                Thread.sleep(500);
            }
        }
        assertThat(accepted).as("a correct token at " + target.name()).isTrue();
    }

    @Test
    void everyBadTokenIs401AtTheGatewayAndEachServiceAndReachesNoHandler() throws Exception {
        String real = Platform.tokenOf(USER);
        Map<String, Object> claims = Jwts.claims(real);
        long now = Instant.now().getEpochSecond();
        String realKid = (String) Jwts.header(real).get("kid");

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("malformed", "not-a-jwt");
        bad.put("basic credentials", "Basic " + java.util.Base64.getEncoder().encodeToString("acme-mentee1:demo".getBytes(StandardCharsets.UTF_8)));
        bad.put("expired", Jwts.rs256(trustedKid, Jwts.copy(claims, "iat", now - 3600, "exp", now - 600), trusted.getPrivate()));
        bad.put("not yet valid", Jwts.rs256(trustedKid, Jwts.copy(claims, "nbf", now + 600, "iat", now + 600, "exp", now + 1200), trusted.getPrivate()));
        bad.put("wrong issuer", Jwts.rs256(trustedKid, Jwts.copy(claims, "iss", RealmKeys.KEYCLOAK + "/realms/elsewhere"), trusted.getPrivate()));
        bad.put("wrong audience", Jwts.rs256(trustedKid, Jwts.copy(claims, "aud", "another-api"), trusted.getPrivate()));
        bad.put("missing tenant", Jwts.rs256(trustedKid, Jwts.copy(claims, "tenant", null), trusted.getPrivate()));
        bad.put("alg none", Jwts.unsigned(claims));
        bad.put("HS256 keyed with the public key", Jwts.hs256(realKid, claims,
                RealmKeys.publicKeyPem(realKid).getBytes(StandardCharsets.US_ASCII)));
        bad.put("tampered payload", Jwts.withClaims(real, Jwts.copy(claims, "tenant", "globex")));
        bad.put("unknown kid", Jwts.rs256("e2e-unknown-" + UUID.randomUUID(), claims, Jwts.newRsaKey().getPrivate()));

        String control = Jwts.rs256(trustedKid, claims, trusted.getPrivate());
        int sent = 0;
        for (Target target : targets()) {
            awaitAccepted(target, control); // the test key is trusted: the refusals below are for their own reason
            for (Map.Entry<String, String> token : bad.entrySet()) {
                String as = token.getKey() + " at " + target.name();
                if (target.mePath() != null) {
                    Response answer = rename(target, token.getValue(), "Forged " + token.getKey());
                    sent++;
                    assertThat(answer.statusCode()).as(as).isEqualTo(401);
                    assertThat(answer.contentType()).as(as).startsWith("application/problem+json");
                    assertThat(answer.header("WWW-Authenticate")).as(as).startsWith("Bearer");
                }
                for (String path : protectedGets(target)) {
                    var request = given().baseUri(target.base());
                    if (token.getValue() != null) {
                        request.header("Authorization", token.getValue().startsWith("Basic") ? token.getValue() : "Bearer " + token.getValue());
                    }
                    Response answer = request.get(path);
                    sent++;
                    assertThat(answer.statusCode()).as(as + " " + path).isEqualTo(401);
                    assertThat(answer.contentType()).as(as + " " + path).startsWith("application/problem+json");
                }
            }
        }
        // nothing got through: the name was never changed by a forged request
        String name = Platform.as(USER).get("/api/v1/matching/participants/me").then().statusCode(200).extract().path("displayName");
        assertThat(name).doesNotStartWith("Forged");
        System.out.printf("token matrix: %d bad-token requests over %d targets, all 401%n", sent, targets().size());
    }

    @Test
    void aKeyRotationInKeycloakFailsNoRequest() throws Exception {
        // the verifiers fetch keys for an unknown kid at most every 5 s (forced-jwk-refresh-interval); another
        // test's unknown kids may just have used that turn
        Thread.sleep(6_000);
        String kid = RealmKeys.rotate("e2e-rotation-");
        String token = given().formParam("grant_type", "password").formParam("client_id", "mentoring-test")
                .formParam("username", USER).formParam("password", "demo")
                .post(Platform.TOKEN_ENDPOINT).then().statusCode(200).extract().path("access_token");
        assertThat(Jwts.header(token).get("kid")).isEqualTo(kid);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            for (Target target : targets()) {
                // the first request with the new key id makes the verifier fetch the keys again; it must pass, and so must
                // the ones that arrive with the new key id while that fetch is under way (8 at once)
                List<Future<Boolean>> first = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    first.add(senders.submit(() -> accepted(target, token)));
                }
                for (Future<Boolean> answer : first) {
                    assertThat(answer.get()).as("first requests after the rotation, 8 at once, at " + target.name()).isTrue();
                }
            }
        } finally {
            senders.shutdown();
        }
        // tokens signed by the earlier key keep working until they expire
        Platform.as(USER).get("/api/v1/matching/participants/me").then().statusCode(200);
    }
}
