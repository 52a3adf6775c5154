package dev.mentoring.matching.domain.assignment;

/**
 * How each side ranks the other over the candidate pairs, aligned with
 * {@link BipartiteCandidates#mentorsOf(int)}: {@code menteeView[i][k]} is how much mentee i wants its k-th
 * candidate mentor, {@code mentorView[i][k]} how much that mentor wants mentee i. Higher is better; ties
 * are broken by the lower index, so every ranking is strict.
 */
public record Preferences(int[][] menteeView, int[][] mentorView) {

    int menteeWants(int mentee, int k) {
        return menteeView[mentee][k];
    }

    int mentorWants(int mentee, int k) {
        return mentorView[mentee][k];
    }

    /** True when a is strictly preferred over b given their values, lower index winning ties. */
    static boolean better(int valueA, int indexA, int valueB, int indexB) {
        return valueA > valueB || (valueA == valueB && indexA < indexB);
    }
}
