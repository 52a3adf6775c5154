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

    /** The score as the partnership's two people see it: without the confidential pitfalls (found in concerns). */
    @Column(name = "shared_score", nullable = false)
    public int sharedScore;

    /** The state as the partnership's two people see it. */
    @Column(name = "shared_state", nullable = false)
    public String sharedState;

    /** The findings as a JSON array (the confidential ones among them, which only program admins see). */
    @Column(nullable = false)
    public String pitfalls;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
