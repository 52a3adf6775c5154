package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.mentoring.matching.domain.PartnershipState.Move;

class PartnershipStateTest {

    @Test
    void onlyLegalMovesLeadSomewhere() {
        assertThat(PartnershipState.ACTIVE.after(Move.PAUSE)).isEqualTo(PartnershipState.PAUSED);
        assertThat(PartnershipState.ACTIVE.after(Move.RESUME)).isNull();
        assertThat(PartnershipState.PAUSED.after(Move.RESUME)).isEqualTo(PartnershipState.ACTIVE);
        assertThat(PartnershipState.PAUSED.after(Move.PAUSE)).isNull();
        assertThat(PartnershipState.ACTIVE.after(Move.COMPLETE)).isEqualTo(PartnershipState.COMPLETED);
        assertThat(PartnershipState.PAUSED.after(Move.END)).isEqualTo(PartnershipState.ENDED_EARLY);
        for (Move move : Move.values()) {
            assertThat(PartnershipState.COMPLETED.after(move)).isNull();
            assertThat(PartnershipState.ENDED_EARLY.after(move)).isNull();
        }
        assertThat(PartnershipState.ACTIVE.isRunning()).isTrue();
        assertThat(PartnershipState.COMPLETED.isRunning()).isFalse();
    }

    @Test
    void anIllegalMoveIsAConflictNamingTheLegalOnes() {
        assertThat(PartnershipState.ACTIVE.move(Move.PAUSE)).isEqualTo(PartnershipState.PAUSED);
        assertThatThrownBy(() -> PartnershipState.ACTIVE.move(Move.RESUME)).isInstanceOf(Conflict.class)
                .hasMessageStartingWith("A active partnership cannot resume; it can ")
                .hasMessageContainingAll("PAUSE", "COMPLETE", "END");
        assertThatThrownBy(() -> PartnershipState.ENDED_EARLY.move(Move.PAUSE)).isInstanceOf(Conflict.class)
                .hasMessage("A ended_early partnership cannot pause; it can []");
    }

    @Test
    void theAgreementIsOpenOnlyWhileThePartnershipRuns() {
        assertThatCode(PartnershipState.ACTIVE::agreementOpen).doesNotThrowAnyException();
        assertThatCode(PartnershipState.PAUSED::agreementOpen).doesNotThrowAnyException();
        assertThatThrownBy(PartnershipState.COMPLETED::agreementOpen).isInstanceOf(Conflict.class)
                .hasMessage("The partnership is completed; its agreement is closed");
    }
}
