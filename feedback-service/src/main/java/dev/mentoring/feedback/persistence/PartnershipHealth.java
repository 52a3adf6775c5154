package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The last computed health of a partnership. */
@Entity
@Table(name = "partnership_health")
public class PartnershipHealth extends PanacheEntityBase {

    @Id
    @Column(name = "partnership_id")
    public UUID partnershipId;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public int score;

    @Column(nullable = false)
    public String state;

    /**
     * The score as the partnership's two people see it: without the confidential pitfalls (found in concerns). Null in a
     * row written by a release before concerns, which found none: then it is {@link #score}.
     */
    @Column(name = "shared_score")
    public Integer sharedScore;

    /** The state as the partnership's two people see it; null as {@link #sharedScore} is. */
    @Column(name = "shared_state")
    public String sharedState;

    public int sharedScoreOrScore() {
        return sharedScore != null ? sharedScore : score;
    }

    public String sharedStateOrState() {
        return sharedState != null ? sharedState : state;
    }

    /** The findings as a JSON array (the confidential ones among them, which only program admins see). */
    @Column(nullable = false)
    public String pitfalls;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
