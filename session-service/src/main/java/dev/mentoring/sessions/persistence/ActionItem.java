package dev.mentoring.sessions.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Something one of the two agreed to do before a later session. */
@Entity
@Table(name = "action_item")
public class ActionItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "partnership_id", nullable = false, updatable = false)
    public UUID partnershipId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionEnums.Role assignee;

    @Column(name = "assignee_id", nullable = false)
    public UUID assigneeId;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionEnums.ActionState state;

    @Column(name = "overdue_published_at")
    public OffsetDateTime overduePublishedAt;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** Raised by every change (its ETag); a new item is at 1. */
    @Version
    @Column(nullable = false)
    public long version;
}
