package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.TenantRecord;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What feedback-service knows of a participant: who holds which employee id in which tenant. */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy extends PanacheEntityBase implements TenantRecord {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new copy of the record with this id, for the tenant whose event made it. */
    public static ParticipantCopy of(UUID id, String tenant) {
        ParticipantCopy copy = new ParticipantCopy();
        copy.id = id;
        copy.tenant = tenant;
        return copy;
    }

    @Override
    public String tenant() {
        return tenant;
    }
}
