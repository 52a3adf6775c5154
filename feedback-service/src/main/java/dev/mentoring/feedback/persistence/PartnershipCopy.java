package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.TenantRecord;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A partnership as feedback-service knows it, from matching-service's events. */
@Entity
@Table(name = "partnership_copy")
public class PartnershipCopy extends PanacheEntityBase implements TenantRecord {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

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

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new copy of the record with this id, for the tenant whose event made it. */
    public static PartnershipCopy of(UUID id, String tenant) {
        PartnershipCopy copy = new PartnershipCopy();
        copy.id = id;
        copy.tenant = tenant;
        return copy;
    }

    @Override
    public String tenant() {
        return tenant;
    }
}
