package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.TenantRecord;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A session as feedback-service knows it, from session-service's events. */
@Entity
@Table(name = "session_copy")
public class SessionCopy extends PanacheEntityBase implements TenantRecord {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(nullable = false)
    public String state;

    public String attendance;

    @Column(name = "cancelled_late")
    public Boolean cancelledLate;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new copy of the record with this id, for the tenant whose event made it. */
    public static SessionCopy of(UUID id, String tenant) {
        SessionCopy copy = new SessionCopy();
        copy.id = id;
        copy.tenant = tenant;
        return copy;
    }

    @Override
    public String tenant() {
        return tenant;
    }
}
