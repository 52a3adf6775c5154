package dev.mentoring.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** What notification-service knows of a participant: their employee id, the languages of their profile and their time zone. */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy extends CopiedRecord {

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(name = "time_zone")
    public String timeZone;

    /** The profile's languages, comma-separated, in the profile's order. */
    @Column(name = "languages")
    public String languages;

    @Column(nullable = false)
    public long version;
}
