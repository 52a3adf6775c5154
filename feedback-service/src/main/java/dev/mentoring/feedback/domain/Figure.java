package dev.mentoring.feedback.domain;

/**
 * A figure of program analytics, or suppressed: any figure drawn from fewer than {@link #MIN_PEOPLE} people is
 * withheld, without its value or how many people it would rest on.
 */
public record Figure(Double value, Boolean suppressed) {

    /** The fewest people a figure may be drawn from. */
    public static final int MIN_PEOPLE = 5;

    /** A figure withheld. */
    public static Figure hidden() {
        return new Figure(null, true);
    }

    /** The value rounded to one decimal, or suppressed when it rests on fewer than {@link #MIN_PEOPLE} people. */
    public static Figure of(double value, long people) {
        return people < MIN_PEOPLE ? hidden() : new Figure(Math.round(value * 10) / 10.0, null);
    }
}
