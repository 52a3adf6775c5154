package dev.mentoring.matching.domain.assignment;

import java.util.Arrays;

/**
 * The pairs of a cohort in compact form (for a cohort run: every eligible pair): mentees 0..n-1 on the left, mentors
 * 0..m-1 on the right, each mentee's mentors with an integer weight (higher is better; a mentee's mentors distinct, in
 * ascending order as cohort runs build them, though the solvers accept any order), and each mentor's capacity. Built
 * once, read by the solvers.
 */
public final class BipartiteCandidates {

    private final int mentees;
    private final int[] capacity;
    private final int[][] mentorsOf;
    private final int[][] weightsOf;

    public BipartiteCandidates(int mentees, int[] capacity, int[][] mentorsOf, int[][] weightsOf) {
        if (mentorsOf.length != mentees || weightsOf.length != mentees) {
            throw new IllegalArgumentException("one candidate list per mentee");
        }
        for (int i = 0; i < mentees; i++) {
            if (mentorsOf[i].length != weightsOf[i].length) {
                throw new IllegalArgumentException("one weight per candidate of mentee " + i);
            }
        }
        this.mentees = mentees;
        this.capacity = capacity.clone();
        this.mentorsOf = mentorsOf;
        this.weightsOf = weightsOf;
    }

    public int mentees() {
        return mentees;
    }

    public int mentors() {
        return capacity.length;
    }

    public int capacity(int mentor) {
        return capacity[mentor];
    }

    public int[] mentorsOf(int mentee) {
        return mentorsOf[mentee];
    }

    public int[] weightsOf(int mentee) {
        return weightsOf[mentee];
    }

    /** The weight of a pair, or -1 when it is not a candidate pair. */
    public int weight(int mentee, int mentor) {
        int[] candidates = mentorsOf[mentee];
        for (int k = 0; k < candidates.length; k++) {
            if (candidates[k] == mentor) {
                return weightsOf[mentee][k];
            }
        }
        return -1;
    }

    public int edgeCount() {
        return Arrays.stream(mentorsOf).mapToInt(list -> list.length).sum();
    }
}
