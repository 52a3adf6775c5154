package dev.mentoring.plumbing.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Verified tokens are remembered by the whole token, until they expire (plus the grace) or the cache's maximum age. */
class VerifiedTokenCacheTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private VerifiedTokenCache<String> cache(int max) {
        return new VerifiedTokenCache<>(max, Duration.ofMinutes(5), Duration.ofSeconds(30), now::get);
    }

    private long expiresIn(long seconds) {
        return now.get() / 1000 + seconds;
    }

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresPlusTheGrace() {
        VerifiedTokenCache<String> tokens = cache(10);
        assertThat(tokens.known("t1")).isNull();
        tokens.verified("t1", expiresIn(60), "alice");
        assertThat(tokens.known("t1")).isEqualTo("alice");
        now.addAndGet(89_000);
        assertThat(tokens.known("t1")).as("within exp + 30 s grace").isEqualTo("alice");
        now.addAndGet(1_000);
        assertThat(tokens.known("t1")).as("past exp + grace: verified again (and refused by OIDC)").isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokenCache<String> tokens = cache(10);
        tokens.verified("t1", expiresIn(3600), "alice");
        now.addAndGet(Duration.ofMinutes(5).toMillis() - 1);
        assertThat(tokens.known("t1")).isNotNull();
        now.addAndGet(1);
        assertThat(tokens.known("t1")).as("a rotated-out key stops being honoured within the maximum age").isNull();
    }

    @Test
    void onlyTheWholeTokenIsTheKey() {
        VerifiedTokenCache<String> tokens = cache(10);
        tokens.verified("header.payload.signature", expiresIn(60), "alice");
        assertThat(tokens.known("header.forged.signature")).isNull();
        assertThat(tokens.known("header.payload.signature ")).isNull();
    }

    @Test
    void aFullCacheDropsExpiredEntriesAndOtherwiseRemembersNoMore() {
        VerifiedTokenCache<String> tokens = cache(2);
        tokens.verified("a", expiresIn(1), "a");
        tokens.verified("b", expiresIn(600), "b");
        tokens.verified("c", expiresIn(600), "c");
        assertThat(tokens.known("c")).as("full: not remembered, verified every time").isNull();
        now.addAndGet(32_000);
        tokens.verified("c", expiresIn(600), "c");
        assertThat(tokens.known("c")).as("room made by a's expiry").isEqualTo("c");
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        VerifiedTokenCache<String> tokens = cache(10);
        tokens.verified("old", expiresIn(-31), "alice");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void theBearerTokenOfAnAuthorizationHeader() {
        assertThat(VerifiedTokenCache.bearer("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(VerifiedTokenCache.bearer("bearer abc")).isEqualTo("abc");
        assertThat(VerifiedTokenCache.bearer("Basic abc")).isNull();
        assertThat(VerifiedTokenCache.bearer("Bearer ")).isNull();
        assertThat(VerifiedTokenCache.bearer(null)).isNull();
    }
}
