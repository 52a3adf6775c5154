package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
}
