package dev.mentoring.plumbing.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one clock a service reads time from (UTC). Inject {@link Clock}; never {@code Clock.systemUTC()} or a
 * {@code now()} without a clock, which the skeleton's rules refuse. A test moves time by producing a clock of
 * its own in its place.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
