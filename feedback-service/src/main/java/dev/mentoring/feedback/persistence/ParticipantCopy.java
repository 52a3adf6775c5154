package dev.mentoring.feedback.persistence;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** What feedback-service knows of a participant: who holds which employee id in which tenant. */
@Entity
@Table(name = "participant_copy")
public class ParticipantCopy extends CopiedRecord {

    @Column(name = "employee_id", nullable = false)
    public String employeeId;

    @Column(nullable = false)
    public long version;

}
