package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** A program as feedback-service knows it, from matching-service's program events: its state, and whether it is the general one. */
@Entity
@Table(name = "program_copy")
public class ProgramCopy extends CopiedRecord {

    @Column(nullable = false)
    public String state;

    @Column(nullable = false)
    public boolean general;

    @Column(name = "state_at")
    public OffsetDateTime stateAt;
}
