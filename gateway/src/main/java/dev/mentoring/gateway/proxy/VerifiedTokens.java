package dev.mentoring.gateway.proxy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.mentoring.gateway.config.GatewayConfig;
import dev.mentoring.plumbing.tenancy.TokenClaims;

/**
 * Bearer tokens the gateway verified (issuer, signature, expiry, audience, tenant claim), remembered with the claims it
 * routes and limits by, so that each token is verified once rather than on every request. An entry is keyed by the
 * whole token (never a part of it: a forged payload under a copied signature is another key, verified in full), and
 * is forgotten when the token expires (with the same grace OIDC allows, {@code quarkus.oidc.token.lifespan-grace}) or
 * after {@code mentoring.gateway.token-cache.max-age}, whichever comes first. Bounded: a full cache first drops its
 * expired entries, and caches nothing more until there is room. The services verify the token again themselves.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** What the gateway needs of a verified token. */
    public record Claims(String tenant, String client, String subject) {

        static Claims of(JsonWebToken token) {
            return new Claims(TokenClaims.text(token, TokenClaims.TENANT).orElse(""),
                    TokenClaims.text(token, TokenClaims.AUTHORIZED_PARTY).orElse(""), token.getSubject());
        }
    }

    private record Entry(Claims claims, long validUntilMillis) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final long maxAgeMillis;
    private final long graceMillis;
    private final LongSupplier clock;
    private volatile long lastSweep;

    @Inject
    VerifiedTokens(GatewayConfig config, @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace", defaultValue = "0") int graceSeconds) {
        this(config.tokenCache().maxTokens(), config.tokenCache().maxAge(), Duration.ofSeconds(graceSeconds), System::currentTimeMillis);
    }

    VerifiedTokens(int maxTokens, Duration maxAge, Duration grace, LongSupplier clock) {
        this.maxTokens = maxTokens;
        this.maxAgeMillis = maxAge.toMillis();
        this.graceMillis = grace.toMillis();
        this.clock = clock;
    }

    /** The claims of a token verified before and still valid; null when it must be verified. */
    public Claims known(String token) {
        Entry entry = tokens.get(token);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() >= entry.validUntilMillis()) {
            tokens.remove(token, entry);
            return null;
        }
        return entry.claims();
    }

    /** Remembers a token OIDC just verified; answers its claims. */
    public Claims verified(String token, JsonWebToken verified) {
        Claims claims = Claims.of(verified);
        long now = clock.getAsLong();
        long until = Math.min(verified.getExpirationTime() * 1000 + graceMillis, now + maxAgeMillis);
        if (until > now && (tokens.size() < maxTokens || roomAfterExpiring(now))) {
            tokens.put(token, new Entry(claims, until));
        }
        return claims;
    }

    /** How many tokens are remembered now. */
    public int size() {
        return tokens.size();
    }

    /** Drops the expired entries, at most once a second (a full cache of valid tokens is not scanned per request). */
    private boolean roomAfterExpiring(long now) {
        if (now - lastSweep >= 1000) {
            lastSweep = now;
            tokens.values().removeIf(entry -> now >= entry.validUntilMillis());
        }
        return tokens.size() < maxTokens;
    }
}
