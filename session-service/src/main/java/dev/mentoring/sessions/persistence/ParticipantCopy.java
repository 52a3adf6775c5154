package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mentoring.plumbing.readmodel.TenantRecord;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What session-service knows of a participant, copied from matching-service's events. */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy extends PanacheEntityBase implements TenantRecord {

    /** The employee id an erased person's copy keeps: nothing of them but the participant id is left. */
    public static final String ERASED = "erased";


    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] languages;

    /** The participant's version in matching-service: an older event never overwrites a newer copy. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** A new copy of a participant of the tenant, before its first event is applied. */
    public static ParticipantCopy of(String tenant, UUID id) {
        ParticipantCopy copy = new ParticipantCopy();
        copy.id = id;
        copy.tenant = tenant;
        return copy;
    }

    @Override
    public String tenant() {
        return tenant;
    }

    /** Whether the person exercised the right to be forgotten. */
    public boolean erased() {
        return ERASED.equals(employeeId);
    }
}
