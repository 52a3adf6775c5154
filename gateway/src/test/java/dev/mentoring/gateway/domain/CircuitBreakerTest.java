package dev.mentoring.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndRefusesWhileOpen() {
        CircuitBreaker breaker = new CircuitBreaker(3, 10 * SECOND);
        for (int i = 0; i < 2; i++) {
            assertThat(breaker.tryAcquire(0).allowed()).isTrue();
            breaker.failed(0);
        }
        breaker.succeeded(); // a success in between starts the count again
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquire(i).allowed()).isTrue();
            breaker.failed(i);
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        CircuitBreaker.Permit refused = breaker.tryAcquire(4 * SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void halfOpenLetsOneTrialThroughWhoseOutcomeDecides() {
        CircuitBreaker breaker = new CircuitBreaker(1, 10 * SECOND);
        breaker.failed(0);
        assertThat(breaker.tryAcquire(10 * SECOND).allowed()).isTrue(); // the trial
        assertThat(breaker.tryAcquire(10 * SECOND + 1).allowed()).isFalse(); // only one at a time
        breaker.failed(11 * SECOND);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire(20 * SECOND).allowed()).isFalse();
        assertThat(breaker.tryAcquire(21 * SECOND).allowed()).isTrue();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire(21 * SECOND).allowed()).isTrue();
        assertThat(breaker.tryAcquire(21 * SECOND).allowed()).isTrue();
    }
}
