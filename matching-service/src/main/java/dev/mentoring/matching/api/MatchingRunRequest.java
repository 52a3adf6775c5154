package dev.mentoring.matching.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.domain.CohortMatcher;

/** A cohort matching run: the objective, the minimum score, and whether to commit right away. */
@Schema(name = "MatchingRunRequest")
public record MatchingRunRequest(
        @Schema(description = "max-score: the highest total score (exact); stable: mentee-proposing deferred acceptance")
        @NotNull Objective objective,
        @Schema(description = "Pairs below this match score (0-100) are never proposed; default 40")
        @DecimalMin("0") @DecimalMax("100") Double minimumScore,
        @Schema(description = "true (default): only propose; false: propose and commit in one go")
        Boolean dryRun,
        @Schema(description = "The running program whose enrolled mentees and mentors to match; none: the tenant's general "
                + "program (every opted-in mentee and active mentor)")
        java.util.UUID programId) {

    public enum Objective {
        @com.fasterxml.jackson.annotation.JsonProperty("max-score")
        MAX_SCORE,
        @com.fasterxml.jackson.annotation.JsonProperty("stable")
        STABLE
    }

    /** The matcher's objective asked for. */
    CohortMatcher.Objective matcherObjective() {
        return objective == Objective.MAX_SCORE ? CohortMatcher.Objective.MAX_SCORE : CohortMatcher.Objective.STABLE;
    }

    /** Whether to commit the proposal right away: only when dryRun is false. */
    boolean commit() {
        return Boolean.FALSE.equals(dryRun);
    }
}
