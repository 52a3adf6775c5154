package dev.mentoring.matching.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How matching behaves; every value can be set from the environment (MENTORING_MATCHING_...). */
@ConfigMapping(prefix = "mentoring.matching")
public interface MatchingConfig {

    /** How long a mentorship request waits for the mentor's answer before it expires. */
    @WithDefault("P14D")
    Duration requestExpiry();

    /**
     * How many of each mentee's best pairs the exact max-score solver starts from before pricing in the others:
     * a speed knob, it never limits the result (every eligible pair is considered).
     */
    @WithDefault("20")
    int candidatesPerMentee();

    /** The minimum match score (0-100) of a cohort run when the admin gives none. */
    @WithDefault("40")
    double defaultMinimumScore();

    /** How many recommendations a mentee gets when the request names no limit. */
    @WithDefault("10")
    int defaultRecommendations();
}
