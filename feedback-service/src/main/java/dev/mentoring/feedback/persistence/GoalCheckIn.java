package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A participant's check-in on a goal: progress and a short note. */
@Entity
@Table(name = "goal_check_in")
public class GoalCheckIn extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false)
    public UUID partnershipId;

    @Column(name = "goal_id", nullable = false)
    public UUID goalId;

    @Column(name = "author_id", nullable = false)
    public UUID authorId;

    @Column(name = "progress_percent", nullable = false)
    public int progressPercent;

    @Column(nullable = false)
    public boolean achieved;

    public String note;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
