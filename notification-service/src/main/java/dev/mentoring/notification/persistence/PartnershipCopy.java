package dev.mentoring.notification.persistence;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.mentoring.plumbing.readmodel.CopiedRecord;

/** The two people of a request or partnership (a request's id is its partnership's), for events that name only the partnership. */
@Entity
@Table(name = "partnership_copy")
public class PartnershipCopy extends CopiedRecord {

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    /** The program the partnership is in (null: not told yet, or from before programs). */
    @Column(name = "program_id")
    public UUID programId;
}
