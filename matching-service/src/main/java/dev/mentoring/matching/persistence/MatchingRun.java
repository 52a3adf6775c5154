package dev.mentoring.matching.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A cohort matching run: its settings, figures and state; assignments and unmatched mentees in their own tables. */
@Entity
@Table(name = "matching_run")
public class MatchingRun extends PanacheEntityBase {

    public enum Status {
        PROPOSED, COMMITTED
    }

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    /** The program whose people the run matched (the tenant's general program for a run without one). */
    @Column(name = "program_id", updatable = false)
    public UUID programId;

    @Column(nullable = false)
    public String objective;

    @Column(name = "minimum_score", nullable = false)
    public BigDecimal minimumScore;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "cohort_mentees", nullable = false)
    public int cohortMentees;

    @Column(name = "candidate_pairs", nullable = false)
    public int candidatePairs;

    @Column(nullable = false)
    public int matched;

    @Column(name = "coverage_percent", nullable = false)
    public BigDecimal coveragePercent;

    @Column(name = "mean_score", nullable = false)
    public BigDecimal meanScore;

    @Column(name = "min_score", nullable = false)
    public BigDecimal minScore;

    @Column(name = "blocking_pairs", nullable = false)
    public int blockingPairs;

    /** Up to 20 blocking pairs as "menteeId:mentorId". */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "blocking_examples", nullable = false)
    public String[] blockingExamples = new String[0];

    @Column(name = "took_ms", nullable = false)
    public long tookMs;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "committed_at")
    public OffsetDateTime committedAt;

    @Version
    public long version;
}
