package dev.mentoring.plumbing.idempotency;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;

/**
 * Superseded by {@link IdempotencyFilter}, which honours {@code Idempotency-Key} on every changing request in one
 * place: {@link #once} now just runs the work. Kept only until its last callers are gone.
 */
@Deprecated(forRemoval = true)
@ApplicationScoped
public class IdempotencyKeys {

    /** Runs the work; the filter has already claimed the key, or replayed the first answer before the resource ran. */
    public Uni<IdempotentAnswer> once(String key, String operation, Object request, Supplier<Uni<IdempotentAnswer>> work) {
        return work.get();
    }
}
