package dev.mentoring.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstIsAllowedThenTheRateRefills() {
        RateLimiter limiter = new RateLimiter(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("a", 0).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.take("a", 0);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limiter.take("b", 0).allowed()).as("another key has its own bucket").isTrue();
        assertThat(limiter.take("a", SECOND / 2).allowed()).as("half a second refills one at 2/s").isTrue();
    }

    @Test
    void idleBucketsAreForgottenWithoutChangingAnyDecision() {
        RateLimiter limiter = new RateLimiter(2, 4);
        limiter.take("idle", 0);
        limiter.take("busy", 0);
        limiter.take("busy", 0);
        limiter.sweep(SECOND); // 1 s: idle would have 3.0 + 2 = full (4) only after 2 s
        assertThat(limiter.size()).isEqualTo(2);
        limiter.take("busy", 2 * SECOND);
        limiter.sweep(2 * SECOND);
        assertThat(limiter.size()).as("the idle one is full again and forgotten").isEqualTo(1);
        assertThat(limiter.take("idle", 2 * SECOND).remaining()).as("a fresh bucket, as full as the old one").isEqualTo(3);
    }
}
