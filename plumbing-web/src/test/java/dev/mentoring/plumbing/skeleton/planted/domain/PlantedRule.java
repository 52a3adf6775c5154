package dev.mentoring.plumbing.skeleton.planted.domain;

import dev.mentoring.plumbing.problem.ProblemException;

/** Breaks the plain-Java rule on purpose: a domain rule that throws an HTTP problem. */
public final class PlantedRule {

    private PlantedRule() {
    }

    public static void check(int value) {
        if (value < 0) {
            throw ProblemException.unprocessable("value", "must not be negative");
        }
    }
}
