package dev.mentoring.plumbing.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Every service's clock in its tests: the system clock, moved forward by a test to see what time passing does
 * (requests expiring, items falling overdue, evaluations opening), and set back after it. Its producer replaces the
 * service's {@code Clock} (this test-jar is a bean archive).
 */
public final class MovableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves the service's time forward (or back) by {@code by}. */
    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Puts the service's time back to the system's. */
    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Puts the movable clock in place of the service's. */
    public static class Producer {

        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return new MovableClock();
        }
    }
}
