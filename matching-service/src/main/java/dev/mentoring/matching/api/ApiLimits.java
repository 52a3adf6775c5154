package dev.mentoring.matching.api;

/** The limits of the profile fields, one place each (documented in the API document through the annotations). */
final class ApiLimits {

    /** A skill, industry or expertise term: letters, digits, space and + # . - only, 1 to 60 characters. */
    static final String TERM = "^[\\p{L}\\p{N}+#. -]{1,60}$";
    static final String TERM_MESSAGE = "must be 1-60 letters, digits, spaces or + # . -";
    static final int MAX_SKILLS = 30;
    static final int MAX_TERMS = 20;
    static final int MAX_GOALS_LENGTH = 2000;
    static final int MAX_IMPORT = 1000;

    private ApiLimits() {
    }
}
