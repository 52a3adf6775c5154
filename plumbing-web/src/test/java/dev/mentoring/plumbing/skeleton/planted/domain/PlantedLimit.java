package dev.mentoring.plumbing.skeleton.planted.domain;

import dev.mentoring.plumbing.rules.RuleViolation;

/** Keeps the rules: a domain rule may throw the plain-Java rule exceptions. */
public final class PlantedLimit {

    private PlantedLimit() {
    }

    public static void check(int value) {
        if (value > 10) {
            throw new RuleViolation("value", "must be at most 10");
        }
    }
}
