package dev.mentoring.matching.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the matching benchmarks: {@code ./mvnw -pl matching-service -Pbench test-compile exec:exec}
 * (after {@code ./mvnw install -pl plumbing -DskipTests}). Arguments narrow the run to matching names.
 */
public final class MatchingBenchmarks {

    private MatchingBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        if (args.length == 0 || args.length == 1 && args[0].isBlank()) {
            options.include(MatchingBenchmarks.class.getPackageName() + ".*");
        }
        for (String include : args) {
            if (include.isBlank()) {
                continue;
            }
            options.include(include);
        }
        new Runner(options.build()).run();
    }
}
