package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** A partnership as feedback-service knows it, from matching-service's events. */
@Entity
@Table(name = "partnership_copy")
public class PartnershipCopy extends CopiedRecord {

    @Column(name = "mentee_id")
    public UUID menteeId;

    @Column(name = "mentor_id")
    public UUID mentorId;

    public String state;

    @Column(name = "state_at")
    public OffsetDateTime stateAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public String cadence;

    @Column(name = "agreement_version")
    public Integer agreementVersion;

    /** The agreement version whose goals' words (agreement.goal-texts) the goals hold. */
    @Column(name = "goal_words_version")
    public Integer goalWordsVersion;

    /** One of the two was erased: the goals' words are gone, and none come back. */
    @Column(name = "goal_words_erased", nullable = false)
    public boolean goalWordsErased;

    /** Whether the goals' words of this agreement version change nothing: the words are erased, or as new or newer. */
    public boolean keepsWordsOver(int version) {
        return goalWordsErased || goalWordsVersion != null && goalWordsVersion >= version;
    }

    /** The program the partnership belongs to; null for one from before programs, which is in the general program. */
    @Column(name = "program_id")
    public UUID programId;

}
