package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** What session-service knows of a partnership, copied from matching-service's partnership and agreement events. */
@Entity
@Table(name = "partnership_copy")
public class PartnershipCopy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "mentee_id")
    public UUID menteeId;

    @Column(name = "mentor_id")
    public UUID mentorId;

    /** ACTIVE, PAUSED, COMPLETED or ENDED_EARLY, as matching-service says. */
    public String state;

    @Column(name = "state_at")
    public OffsetDateTime stateAt;

    public String cadence;

    @Column(name = "session_minutes")
    public Integer sessionMinutes;

    @Column(name = "agreement_version")
    public Integer agreementVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean active() {
        return "ACTIVE".equals(state) && menteeId != null && mentorId != null;
    }

    public boolean hasParticipant(UUID participant) {
        return participant != null && (participant.equals(menteeId) || participant.equals(mentorId));
    }

    public static Uni<PartnershipCopy> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }
}
