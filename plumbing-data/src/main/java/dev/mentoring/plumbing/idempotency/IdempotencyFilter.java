package dev.mentoring.plumbing.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.tenancy.TokenClaims;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code Idempotency-Key} on every request that changes something (POST, PUT, PATCH, DELETE), in one place: the first
 * request with a key claims it for its caller (tenant and token subject) before the resource runs; its successful
 * (2xx) answer is kept, with its Location and ETag, and a retry with the same key and the same request gets that
 * answer again ({@code Idempotency-Replayed: true}) and changes nothing. The same key with another request (method,
 * path or body) is 422; while the first is still being handled a retry is 409 with Retry-After. An answer that is not
 * 2xx changed nothing, so its claim is released and a retry runs again. A claim whose request never finished (the
 * instance died) is taken over after {@code mentoring.idempotency.lease}. Keys are kept for
 * {@code mentoring.idempotency.retention} ({@link IdempotencyPurge}); the claim rows are shared by every instance.
 */
public class IdempotencyFilter {

    /** Header a client sends to make a request safe to retry. */
    public static final String KEY_HEADER = "Idempotency-Key";
    /** Header on an answer that was replayed from a first request with the same key. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 200;
    static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String CLAIM = "dev.mentoring.idempotency.claim";

    private final Pool pool;
    private final ObjectMapper json;
    private final CurrentIdentityAssociation identity;
    private final Duration lease;

    IdempotencyFilter(Pool pool, ObjectMapper json, CurrentIdentityAssociation identity,
            @ConfigProperty(name = "mentoring.idempotency.lease", defaultValue = "PT1M") Duration lease) {
        this.pool = pool;
        this.json = json;
        this.identity = identity;
        this.lease = lease;
    }

    private record Claim(String tenant, String caller, String key) {
    }

    @ServerRequestFilter(readBody = true)
    public Uni<Response> claim(ContainerRequestContext request) {
        String key = request.getHeaderString(KEY_HEADER);
        if (key == null || !CHANGING.contains(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().item(problem(400, "Bad Request", KEY_HEADER + ": must be 1 to " + MAX_KEY_LENGTH + " characters",
                    path, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String fingerprint = fingerprint(request);
        return identity.getDeferredIdentity().chain(who -> {
            if (who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken token) || !TokenClaims.hasTenant(token)) {
                return Uni.createFrom().nullItem(); // the security checks answer this request
            }
            Claim claim = new Claim(TokenClaims.text(token, TokenClaims.TENANT).orElseThrow(), token.getSubject(), key);
            return pool.preparedQuery("""
                    insert into idempotent_request (tenant, caller, idempotency_key, fingerprint, status, created_at)
                    values ($1, $2, $3, $4, 0, now()) on conflict do nothing""")
                    .execute(Tuple.of(claim.tenant(), claim.caller(), key, fingerprint))
                    .chain(inserted -> {
                        if (inserted.rowCount() == 1) {
                            request.setProperty(CLAIM, claim);
                            return Uni.createFrom().nullItem();
                        }
                        return earlier(request, claim, fingerprint, path);
                    });
        });
    }

    /** The key was used before: replay its answer, or say why not. */
    private Uni<Response> earlier(ContainerRequestContext request, Claim claim, String fingerprint, String path) {
        return pool.preparedQuery("""
                select fingerprint, status, cast(response as text), location, etag, created_at < now() - make_interval(secs => $4)
                from idempotent_request where tenant = $1 and caller = $2 and idempotency_key = $3""")
                .execute(Tuple.of(claim.tenant(), claim.caller(), claim.key(), (double) lease.toSeconds()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        // released meanwhile: this request may do the work
                        return claim(request);
                    }
                    Row row = rows.iterator().next();
                    if (!fingerprint.equals(row.getString(0))) {
                        return Uni.createFrom().item(problem(422, "Unprocessable Content",
                                "This Idempotency-Key was already used for a different request", path, "was used for a different request"));
                    }
                    int status = row.getInteger(1);
                    if (status == 0 && !row.getBoolean(5)) {
                        return Uni.createFrom().item(Response.fromResponse(problem(409, "Conflict",
                                "A request with this Idempotency-Key is still being handled; retry shortly", path,
                                "is in use by a request still being handled")).header("Retry-After", "1").build());
                    }
                    if (status == 0) {
                        // the first request never finished (its instance went away): this one takes the claim over
                        return pool.preparedQuery("""
                                update idempotent_request set created_at = now()
                                where tenant = $1 and caller = $2 and idempotency_key = $3 and status = 0""")
                                .execute(Tuple.of(claim.tenant(), claim.caller(), claim.key()))
                                .map(taken -> {
                                    if (taken.rowCount() == 1) {
                                        request.setProperty(CLAIM, claim);
                                        return null;
                                    }
                                    return problem(409, "Conflict", "A request with this Idempotency-Key is still being handled; retry shortly",
                                            path, "is in use by a request still being handled");
                                });
                    }
                    Response.ResponseBuilder replay = Response.status(status).header(REPLAYED_HEADER, "true");
                    if (row.getString(2) != null) {
                        replay.type("application/json").entity(row.getString(2));
                    }
                    if (row.getString(3) != null) {
                        replay.header(HttpHeaders.LOCATION, row.getString(3));
                    }
                    if (row.getString(4) != null) {
                        replay.header(HttpHeaders.ETAG, row.getString(4));
                    }
                    return Uni.createFrom().item(replay.build());
                });
    }

    @ServerResponseFilter
    public Uni<Void> keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return Uni.createFrom().voidItem();
        }
        Tuple where = Tuple.of(claim.tenant(), claim.caller(), claim.key());
        if (response.getStatus() < 200 || response.getStatus() > 299) {
            // nothing changed: forget the claim, so that a retry does the work
            return pool.preparedQuery("delete from idempotent_request where tenant = $1 and caller = $2 and idempotency_key = $3 and status = 0")
                    .execute(where).replaceWithVoid();
        }
        String body;
        try {
            body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
        } catch (JsonProcessingException e) {
            Log.warnf("The answer of Idempotency-Key %s cannot be kept: %s", claim.key(), e.getMessage());
            body = null;
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object etag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        return pool.preparedQuery("""
                update idempotent_request set status = $4, response = cast(cast($5 as text) as jsonb), location = $6, etag = $7
                where tenant = $1 and caller = $2 and idempotency_key = $3""")
                .execute(Tuple.of(claim.tenant(), claim.caller(), claim.key(), response.getStatus())
                        .addValue(body).addValue(location == null ? null : location.toString()).addValue(etag == null ? null : etag.toString()))
                .replaceWithVoid();
    }

    /** What a retry must repeat exactly: the method, the path with its query and the body's bytes. */
    static String fingerprint(ContainerRequestContext request) {
        byte[] body;
        try {
            body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + "?"
                    + request.getUriInfo().getRequestUri().getRawQuery() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response problem(int status, String title, String detail, String path, String fieldMessage) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, List.of(new Problem.FieldError(KEY_HEADER, fieldMessage))))
                .build();
    }
}
