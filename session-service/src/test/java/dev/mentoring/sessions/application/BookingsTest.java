package dev.mentoring.sessions.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;

/**
 * Two overlapping sessions written at once: the exclusion constraint refuses the second, and that refusal is recognised
 * however Hibernate Reactive and Mutiny wrap it (then 409 naming the session it overlaps), and nothing else is.
 */
class BookingsTest {

    @Test
    void theExclusionConstraintsRefusalWhereverItIs() {
        RuntimeException refusal = new RuntimeException(
                "ERROR: conflicting key value violates exclusion constraint \"session_booking_no_overlap\" (23P01)");
        assertThat(Bookings.isOverlap(refusal)).isTrue();
        assertThat(Bookings.isOverlap(new CompletionException(new IllegalStateException("flush failed", refusal)))).isTrue();
        assertThat(Bookings.isOverlap(new CompositeException(new IllegalStateException("rollback failed"),
                new IllegalStateException("flush failed", refusal))))
                .as("carried by a composite's later failure (the composite's own message names only its failures')").isTrue();
    }

    @Test
    void otherFailuresAreNotAClash() {
        assertThat(Bookings.isOverlap(new IllegalStateException("connection reset"))).isFalse();
        assertThat(Bookings.isOverlap(new IllegalStateException((String) null))).isFalse();
        assertThat(Bookings.isOverlap(null)).isFalse();
    }
}
