package dev.mentoring.matching.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mentoring.matching.domain.CohortMatcher;
import dev.mentoring.matching.domain.SyntheticCohort;
import dev.mentoring.matching.domain.Weights;

/**
 * A whole cohort run, 10,000 mentees x 2,000 mentors, both objectives: every pair checked and scored (about 11 million
 * eligible), the exact solve over all of them, the blocking pairs over all of them, and the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = { "-Xms2g", "-Xmx2g" })
public class CohortRunBenchmark {

    @Param({ "10000" })
    int mentees;

    @Param({ "2000" })
    int mentors;

    private SyntheticCohort cohort;

    @Setup
    public void cohort() {
        cohort = new SyntheticCohort(mentees, mentors, 42);
    }

    private CohortMatcher.Proposal run(CohortMatcher.Objective objective) {
        return CohortMatcher.run(cohort.mentees, cohort.mentors, cohort.capacity, Map.of(),
                new CohortMatcher.Settings(objective, Weights.DEFAULT, 400, 20, Instant.parse("2026-03-01T12:00:00Z")));
    }

    @Benchmark
    public CohortMatcher.Proposal maxScore() {
        return run(CohortMatcher.Objective.MAX_SCORE);
    }

    @Benchmark
    public CohortMatcher.Proposal stable() {
        return run(CohortMatcher.Objective.STABLE);
    }
}
