package dev.mentoring.matching.domain.assignment;

/**
 * How each side ranks the other over the eligible pairs, aligned with
 * {@link BipartiteCandidates#mentorsOf(int)}: {@code menteeWants(i, k)} is how much mentee i wants its k-th
 * mentor, {@code mentorWants(i, k)} how much that mentor wants mentee i. Higher is better; ties are broken by
 * the lower index, so every ranking is strict.
 * <p>
 * The mentees' side is a table (each mentee's whole list is ranked anyway); the mentors' side may be a
 * function, asked only for the pairs a solver or check actually looks at. It must be pure: it may be asked more
 * than once for a pair, and from several threads.
 */
public final class Preferences {

    /** How much the k-th mentor of a mentee wants that mentee. */
    @FunctionalInterface
    public interface MentorView {
        int wants(int mentee, int k);
    }

    private final int[][] menteeView;
    private final MentorView mentorView;

    /** Both sides as tables: {@code menteeView[i][k]} and {@code mentorView[i][k]}. */
    public Preferences(int[][] menteeView, int[][] mentorView) {
        this(menteeView, (mentee, k) -> mentorView[mentee][k]);
    }

    private Preferences(int[][] menteeView, MentorView mentorView) {
        this.menteeView = menteeView;
        this.mentorView = mentorView;
    }

    /** The mentees' side as a table, the mentors' side computed when asked. */
    public static Preferences withMentorViewOnDemand(int[][] menteeView, MentorView mentorView) {
        return new Preferences(menteeView, mentorView);
    }

    int menteeWants(int mentee, int k) {
        return menteeView[mentee][k];
    }

    int mentorWants(int mentee, int k) {
        return mentorView.wants(mentee, k);
    }

    /** True when a is strictly preferred over b given their values, lower index winning ties. */
    static boolean better(int valueA, int indexA, int valueB, int indexB) {
        return valueA > valueB || (valueA == valueB && indexA < indexB);
    }

    /** A mentor's view of a mentee as one number that orders like {@link #better}: larger is preferred. */
    static long rankKey(int value, int index) {
        return (long) value << 32 | (Integer.MAX_VALUE - index);
    }
}
