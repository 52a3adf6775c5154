package dev.mentoring.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Verified tokens are remembered by the whole token, until they expire (plus the grace) or the cache's maximum age. */
class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private VerifiedTokens cache(int max) {
        return new VerifiedTokens(max, Duration.ofMinutes(5), Duration.ofSeconds(30), now::get);
    }

    /** A verified token of tenant acme expiring {@code inSeconds} from now. */
    private JsonWebToken token(String subject, long inSeconds) {
        long exp = now.get() / 1000 + inSeconds;
        Map<String, Object> claims = Map.of("tenant", "acme", "azp", "hr-sync", "sub", subject, "exp", exp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void aVerifiedTokenIsKnownWithItsClaimsUntilItExpiresPlusTheGrace() {
        VerifiedTokens tokens = cache(10);
        assertThat(tokens.known("t1")).isNull();
        assertThat(tokens.verified("t1", token("alice", 60))).isEqualTo(new VerifiedTokens.Claims("acme", "hr-sync", "alice"));
        assertThat(tokens.known("t1")).isEqualTo(new VerifiedTokens.Claims("acme", "hr-sync", "alice"));
        now.addAndGet(89_000);
        assertThat(tokens.known("t1")).as("within exp + 30 s grace").isNotNull();
        now.addAndGet(1_000);
        assertThat(tokens.known("t1")).as("past exp + grace: verified again (and refused by OIDC)").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = cache(10);
        tokens.verified("t1", token("alice", 3600));
        now.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
        assertThat(tokens.known("t1")).isNotNull();
        now.addAndGet(1);
        assertThat(tokens.known("t1")).as("a rotated-out key stops being honoured within the maximum age").isNull();
    }

    @Test
    void onlyTheWholeTokenIsTheKey() {
        VerifiedTokens tokens = cache(10);
        tokens.verified("header.payload.signature", token("alice", 60));
        assertThat(tokens.known("header.forged.signature")).isNull();
        assertThat(tokens.known("header.payload.signature ")).isNull();
    }

    @Test
    void aFullCacheDropsExpiredEntriesAndOtherwiseCachesNoMore() {
        VerifiedTokens tokens = cache(2);
        tokens.verified("a", token("a", 1));
        tokens.verified("b", token("b", 600));
        tokens.verified("c", token("c", 600));
        assertThat(tokens.known("c")).as("full: not remembered, verified every time").isNull();
        now.addAndGet(32_000);
        tokens.verified("c", token("c", 600));
        assertThat(tokens.known("c")).as("room made by a's expiry").isNotNull();
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        VerifiedTokens tokens = cache(10);
        tokens.verified("old", token("alice", -31));
        assertThat(tokens.size()).isZero();
    }
}
