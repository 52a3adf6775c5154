package dev.mentoring.matching.persistence;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.matching.domain.Cadence;
import dev.mentoring.matching.domain.MeetingMode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The agreement of one partnership: which version is the latest draft and which is in force. */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    @Id
    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "latest_version", nullable = false)
    public int latestVersion;

    @Column(name = "in_force_version")
    public Integer inForceVersion;

    @Column(name = "review_due_published_for")
    public Integer reviewDuePublishedFor;

    @Version
    public long version;

    /** One version of the agreement: a draft until both signed it. */
    @Entity
    @Table(name = "agreement_version")
    @IdClass(VersionKey.class)
    public static class Draft extends PanacheEntityBase {

        @Id
        @Column(name = "partnership_id")
        public UUID partnershipId;

        @Id
        public int number;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Cadence cadence;

        @Column(name = "session_minutes", nullable = false)
        public int sessionMinutes;

        @Enumerated(EnumType.STRING)
        @Column(name = "meeting_mode", nullable = false)
        public MeetingMode meetingMode;

        @Column(name = "place_or_link")
        public String placeOrLink;

        public String channel;

        @Column(name = "response_time_hours")
        public Integer responseTimeHours;

        @Column(name = "mentor_responsibilities")
        public String mentorResponsibilities;

        @Column(name = "mentee_responsibilities")
        public String menteeResponsibilities;

        @Column(name = "ground_rules")
        public String groundRules;

        @Column(nullable = false)
        public String confidentiality;

        @Column(name = "review_date", nullable = false)
        public LocalDate reviewDate;

        @Column(name = "created_by", nullable = false)
        public UUID createdBy;

        @Column(name = "created_at", nullable = false)
        public OffsetDateTime createdAt;

        @Column(name = "mentee_signed_at")
        public OffsetDateTime menteeSignedAt;

        @Column(name = "mentor_signed_at")
        public OffsetDateTime mentorSignedAt;
    }

    /** One goal of one version; a goal keeps its id across versions. */
    @Entity
    @Table(name = "agreement_goal")
    @IdClass(GoalKey.class)
    public static class Goal extends PanacheEntityBase {

        @Id
        @Column(name = "partnership_id")
        public UUID partnershipId;

        @Id
        public int number;

        @Id
        @Column(name = "goal_id")
        public UUID goalId;

        @Column(nullable = false)
        public int position;

        @Column(nullable = false)
        public String statement;

        @Column(nullable = false)
        public String measure;

        @Column(nullable = false)
        public String target;

        @Column(nullable = false)
        public String why;

        @Column(name = "due_date", nullable = false)
        public LocalDate dueDate;
    }

    public static class VersionKey implements Serializable {
        public UUID partnershipId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof VersionKey k && Objects.equals(partnershipId, k.partnershipId) && number == k.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnershipId, number);
        }
    }

    public static class GoalKey implements Serializable {
        public UUID partnershipId;
        public int number;
        public UUID goalId;

        @Override
        public boolean equals(Object o) {
            return o instanceof GoalKey k && Objects.equals(partnershipId, k.partnershipId) && number == k.number
                    && Objects.equals(goalId, k.goalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnershipId, number, goalId);
        }
    }
}
