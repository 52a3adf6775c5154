package dev.mentoring.sessions.domain;

import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.mentoring.sessions.domain.SessionEnums.CancelReason;
import dev.mentoring.sessions.domain.SessionEnums.Scope;
import dev.mentoring.sessions.domain.SessionEnums.State;

/** The rules of a session's life in plain Java, at their edges. */
class SessionRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2027, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration PAST_WINDOW = Duration.ofDays(14);

    private static void violates(Runnable rule, String field, String message) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static void conflicts(Runnable rule, String message) {
        assertThatThrownBy(rule::run).isInstanceOf(Conflict.class).hasMessageContaining(message);
    }

    @Test
    void aSessionStartsWithinThePastWindowAndAtMostTwoYearsAhead() {
        assertThatCode(() -> SessionRules.checkStart(NOW.minus(PAST_WINDOW), NOW, PAST_WINDOW)).doesNotThrowAnyException();
        assertThatCode(() -> SessionRules.checkStart(NOW.plusYears(2), NOW, PAST_WINDOW)).doesNotThrowAnyException();
        violates(() -> SessionRules.checkStart(NOW.minus(PAST_WINDOW).minusMinutes(1), NOW, PAST_WINDOW), "start", "14 days ago");
        violates(() -> SessionRules.checkStart(NOW.plusYears(2).plusMinutes(1), NOW, PAST_WINDOW), "start", "2 years ahead");
    }

    @Test
    void sessionsAreScheduledInActivePartnershipsOnly() {
        assertThatCode(() -> SessionRules.checkSchedulable("ACTIVE", true)).doesNotThrowAnyException();
        conflicts(() -> SessionRules.checkSchedulable("PAUSED", false), "The partnership is PAUSED");
    }

    @Test
    void onlyScheduledSessionsMoveOrAreCancelled() {
        assertThatCode(() -> SessionRules.checkMovable(State.SCHEDULED)).doesNotThrowAnyException();
        assertThatCode(() -> SessionRules.checkCancellable(State.SCHEDULED)).doesNotThrowAnyException();
        conflicts(() -> SessionRules.checkMovable(State.CANCELLED), "only scheduled sessions move");
        conflicts(() -> SessionRules.checkCancellable(State.COMPLETED), "only scheduled sessions are cancelled");
    }

    @Test
    void thePartnershipsReasonsAreThePlatformsAndFollowingOnesNeedASeries() {
        assertThatCode(() -> SessionRules.checkCancelReason(CancelReason.WORKLOAD)).doesNotThrowAnyException();
        violates(() -> SessionRules.checkCancelReason(CancelReason.PARTNERSHIP_PAUSED), "reasonCategory", "set by the platform");
        violates(() -> SessionRules.checkCancelReason(CancelReason.PARTNERSHIP_ENDED), "reasonCategory", "set by the platform");
        assertThatCode(() -> SessionRules.checkScope(Scope.THIS_AND_FOLLOWING, true)).doesNotThrowAnyException();
        assertThatCode(() -> SessionRules.checkScope(Scope.THIS, false)).doesNotThrowAnyException();
        assertThatCode(() -> SessionRules.checkScope(null, false)).doesNotThrowAnyException();
        violates(() -> SessionRules.checkScope(Scope.THIS_AND_FOLLOWING, false), "scope", "sessions of a series");
    }

    @Test
    void aSessionIsMarkedDoneOnceAfterItStarted() {
        assertThatCode(() -> SessionRules.checkCompletable(State.SCHEDULED, NOW, NOW)).doesNotThrowAnyException();
        conflicts(() -> SessionRules.checkCompletable(State.SCHEDULED, NOW.plusSeconds(1), NOW), "once it has started");
        conflicts(() -> SessionRules.checkCompletable(State.COMPLETED, NOW.minusDays(1), NOW), "COMPLETED already");
    }

    @Test
    void aCancellationCloserThanTheLateTimeIsLate() {
        Duration late = Duration.ofHours(24);
        assertThat(SessionRules.cancelledLate(NOW.plusHours(24), NOW, late)).isFalse();
        assertThat(SessionRules.cancelledLate(NOW.plusHours(24).minusSeconds(1), NOW, late)).isTrue();
    }

    @Test
    void theAgendaIsOpenUntilTheSessionEndsAndHoldsFiftyItems() {
        assertThatCode(() -> SessionRules.checkAgendaOpen(State.SCHEDULED, NOW, NOW)).doesNotThrowAnyException();
        conflicts(() -> SessionRules.checkAgendaOpen(State.SCHEDULED, NOW.minusSeconds(1), NOW), "SCHEDULED and over");
        conflicts(() -> SessionRules.checkAgendaOpen(State.CANCELLED, NOW.plusDays(1), NOW), "the session is CANCELLED");
        assertThatCode(() -> SessionRules.checkAgendaRoom(49)).doesNotThrowAnyException();
        violates(() -> SessionRules.checkAgendaRoom(50), "text", "at most 50 items");
    }
}
