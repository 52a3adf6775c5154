package dev.mentoring.feedback.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A goal of the agreement in force, with its progress. */
@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    @Id
    @Column(name = "goal_id")
    public UUID goalId;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public UUID partnershipId;

    @Column(nullable = false)
    public String tenant;

    public String title;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "progress_percent", nullable = false)
    public int progressPercent;

    @Column(name = "achieved_at")
    public OffsetDateTime achievedAt;

    @Column(name = "in_force", nullable = false)
    public boolean inForce;
}
