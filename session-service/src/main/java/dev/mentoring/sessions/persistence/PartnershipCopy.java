package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** What session-service knows of a partnership, copied from matching-service's partnership and agreement events. */
@Entity
@Table(name = "partnership_copy")
public class PartnershipCopy extends CopiedRecord {

    @Column(name = "mentee_id")
    public UUID menteeId;

    @Column(name = "mentor_id")
    public UUID mentorId;

    /** One of {@link PartnershipEvents#STATES}, as matching-service says. */
    public String state;

    @Column(name = "state_at")
    public OffsetDateTime stateAt;

    public String cadence;

    @Column(name = "session_minutes")
    public Integer sessionMinutes;

    @Column(name = "agreement_version")
    public Integer agreementVersion;

    public boolean active() {
        return PartnershipEvents.ACTIVE.equals(state) && menteeId != null && mentorId != null;
    }

    public boolean hasParticipant(UUID participant) {
        return participant != null && (participant.equals(menteeId) || participant.equals(mentorId));
    }
}
