package dev.mentoring.sessions.persistence;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** What session-service knows of a participant, copied from matching-service's events. */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy extends CopiedRecord {

    /** The employee id an erased person's copy keeps: nothing of them but the participant id is left. */
    public static final String ERASED = "erased";

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

    /** Whether the person exercised the right to be forgotten. */
    public boolean erased() {
        return ERASED.equals(employeeId);
    }
}
