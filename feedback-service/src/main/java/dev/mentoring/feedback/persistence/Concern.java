package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A concern one of a partnership's two people raised with the program admins; closed by an admin with an outcome. */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "raised_by", nullable = false)
    public UUID raisedBy;

    @Column(name = "raised_by_role", nullable = false)
    public String raisedByRole;

    @Column(nullable = false)
    public String category;

    /** Read only by the program admins and the author; never in an event. */
    public String text;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    public String outcome;
}
