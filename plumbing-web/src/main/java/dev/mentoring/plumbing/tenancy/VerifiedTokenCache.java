package dev.mentoring.plumbing.tenancy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What was learnt from verifying a bearer token, remembered so that each token is verified once rather than on every
 * request. An entry is keyed by the whole token (never a part of it: a forged payload under a copied signature is
 * another key, verified in full) and is forgotten when the token expires (plus the grace OIDC allows,
 * {@code quarkus.oidc.token.lifespan-grace}) or after the maximum age, whichever comes first: a signing key Keycloak
 * stops publishing (rotated out, revoked) stops being honoured within the maximum age. Bounded: a full cache first drops
 * its expired entries (at most once a second), and otherwise remembers nothing more until there is room.
 *
 * @param <V> what is remembered of a token
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long validUntilMillis) {
    }

    private final Map<String, Entry<V>> tokens = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final long maxAgeMillis;
    private final long graceMillis;
    private final LongSupplier clock;
    private volatile long lastSweep;

    public VerifiedTokenCache(int maxTokens, Duration maxAge, Duration grace, LongSupplier clock) {
        this.maxTokens = maxTokens;
        this.maxAgeMillis = maxAge.toMillis();
        this.graceMillis = grace.toMillis();
        this.clock = clock;
    }

    /** What is remembered of a token verified before and still valid; null when it must be verified. */
    public V known(String token) {
        Entry<V> entry = tokens.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() >= entry.validUntilMillis()) {
            tokens.remove(token, entry);
            return null;
        }
        return entry.value();
    }

    /** Remembers a token just verified, which expires at {@code expiresAtEpochSecond}. */
    public void verified(String token, long expiresAtEpochSecond, V value) {
        long now = clock.getAsLong();
        long until = Math.min(expiresAtEpochSecond * 1000 + graceMillis, now + maxAgeMillis);
        if (until > now && (tokens.size() < maxTokens || roomAfterExpiring(now))) {
            tokens.put(token, new Entry<>(value, until));
        }
    }

    /** How many tokens are remembered now. */
    public int size() {
        return tokens.size();
    }

    private boolean roomAfterExpiring(long now) {
        if (now - lastSweep >= 1000) {
            lastSweep = now;
            tokens.values().removeIf(entry -> now >= entry.validUntilMillis());
        }
        return tokens.size() < maxTokens;
    }

    /** The token of an {@code Authorization: Bearer} header value; null without one. */
    public static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
