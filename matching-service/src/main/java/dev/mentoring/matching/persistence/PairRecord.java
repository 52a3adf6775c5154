package dev.mentoring.matching.persistence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What a request and the partnership it becomes have in common: one id for the pair's whole story, the
 * tenant, and the two participants.
 */
@MappedSuperclass
public abstract class PairRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "mentee_id", nullable = false, updatable = false)
    public UUID menteeId;

    @Column(name = "mentor_id", nullable = false, updatable = false)
    public UUID mentorId;

    /** The program the pair met in (the tenant's general program for what was made before programs existed). */
    @Column(name = "program_id", updatable = false)
    public UUID programId;

    /** Whether the participant is the mentee or the mentor of this pair. */
    public boolean involves(UUID participantId) {
        return menteeId.equals(participantId) || mentorId.equals(participantId);
    }
}
