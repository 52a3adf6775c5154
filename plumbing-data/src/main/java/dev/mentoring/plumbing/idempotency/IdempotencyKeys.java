package dev.mentoring.plumbing.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes a creating request safe to retry: within the service's transaction, the first request with a
 * key claims it and stores its answer; a retry with the same key and the same request gets that stored
 * answer back and changes nothing; the same key with a different request is refused (422). Two
 * concurrent requests with one key serialise on the key's row, so only one does the work.
 * Keys are scoped to the caller (tenant and subject) and kept for {@code mentoring.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;

    private final ObjectMapper json;
    private final Caller caller;

    IdempotencyKeys(ObjectMapper json, Caller caller) {
        this.json = json;
        this.caller = caller;
    }

    /**
     * Runs {@code work} unless this caller already sent {@code key}: then answers the stored first answer.
     * Must be called inside the transaction that {@code work} writes in.
     *
     * @param key       the Idempotency-Key header, or null when the client sent none (then work just runs)
     * @param operation names the operation, e.g. {@code PUT /participants/me}
     * @param request   the request body, part of the fingerprint that a retry must match
     */
    public Uni<IdempotentAnswer> once(String key, String operation, Object request, Supplier<Uni<IdempotentAnswer>> work) {
        if (key == null) {
            return work.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.badRequest(IdempotentAnswer.KEY_HEADER,
                    "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String tenant = caller.tenant();
        String subject = caller.subject();
        String fingerprint;
        try {
            fingerprint = sha256(operation + "\n" + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into idempotent_request (tenant, caller, idempotency_key, fingerprint, status, created_at)
                values (?1, ?2, ?3, ?4, 0, now()) on conflict do nothing""")
                .setParameter(1, tenant).setParameter(2, subject).setParameter(3, key).setParameter(4, fingerprint)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? work.get().call(answer -> store(tenant, subject, key, answer))
                        : replay(tenant, subject, key, fingerprint)));
    }

    private Uni<Integer> store(String tenant, String subject, String key, IdempotentAnswer answer) {
        String body;
        try {
            body = json.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update idempotent_request set status = ?4, response = cast(cast(?5 as text) as jsonb)
                where tenant = ?1 and caller = ?2 and idempotency_key = ?3""")
                .setParameter(1, tenant).setParameter(2, subject).setParameter(3, key)
                .setParameter(4, answer.status()).setParameter(5, body)
                .executeUpdate());
    }

    private Uni<IdempotentAnswer> replay(String tenant, String subject, String key, String fingerprint) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select fingerprint, status, cast(response as text) from idempotent_request
                where tenant = ?1 and caller = ?2 and idempotency_key = ?3""", Object[].class)
                .setParameter(1, tenant).setParameter(2, subject).setParameter(3, key)
                .getSingleResult())
                .map(row -> {
                    if (!fingerprint.equals(row[0])) {
                        throw new ProblemException(422, "Unprocessable Content",
                                "This Idempotency-Key was already used for a different request",
                                List.of(new dev.mentoring.plumbing.problem.Problem.FieldError(
                                        IdempotentAnswer.KEY_HEADER, "was used for a different request")));
                    }
                    int status = ((Number) row[1]).intValue();
                    try {
                        return new IdempotentAnswer(status, json.readTree((String) row[2]), true);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("stored answer of key " + key + " is unreadable", e);
                    }
                });
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
