package dev.mentoring.matching.bench;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mentoring.matching.domain.MatchRules;
import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.domain.SyntheticCohort;
import dev.mentoring.matching.domain.Weights;

/**
 * Recommendations for one mentee among 10,000 mentors: every exclusion checked, every candidate scored, the best
 * explained; from the profiles (each mentor prepared on the way), and as matching-service does it, with the mentors
 * prepared together once and kept ({@code MentorPools}), the mentee prepared against them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
public class RecommendationBenchmark {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    private SyntheticCohort cohort;
    private MatchingProfile mentee;
    private MatchRules.PreparedMentors kept;

    @Setup
    public void cohort() {
        cohort = new SyntheticCohort(1, 10_000, 7);
        mentee = cohort.mentees.get(0);
        kept = MatchRules.prepareMentors(cohort.mentors, AT);
    }

    @Benchmark
    public Recommendations.Result tenBestOf10000() {
        return Recommendations.forMentee(mentee, cohort.mentors, cohort.capacity, Set.of(), Weights.DEFAULT,
                AT, 10);
    }

    @Benchmark
    public Recommendations.Result tenBestOf10000Kept() {
        return Recommendations.forPrepared(kept.mentee(mentee), kept.mentors(),
                mentor -> cohort.capacity.getOrDefault(mentor.id(), 0), Set.of(), Weights.DEFAULT, 10, false);
    }
}
