package dev.mentoring.feedback.domain;

import dev.mentoring.plumbing.rules.Conflict;

/**
 * Raising a concern: either person of a partnership (running, paused or over: a breach may come to light later) tells the program admins privately that something is wrong, in one
 * of four categories, with an optional text only the admins (and its author) read. One open concern per person,
 * partnership and category. A program admin closes it with an outcome. Open concerns of a personality clash or a breach
 * of confidentiality are health pitfalls that only the program admins see ({@link HealthRules.Pitfall#confidential()}).
 */
public final class ConcernRules {

    /** What the concern is about. */
    public enum ConcernCategory { PERSONALITY_CLASH, BREACH_OF_CONFIDENTIALITY, LACK_OF_COMMITMENT, OTHER }

    /** How a program admin closed it. */
    public enum ConcernOutcome { TALKED_TO_BOTH, PARTNERSHIP_ENDED, REMATCHED }

    /** The longest text a concern may carry. */
    public static final int MAX_TEXT = 2000;

    private ConcernRules() {
    }

    public static void checkNotRaisedYet(boolean openConcernExists) {
        if (openConcernExists) {
            throw new Conflict("You raised a concern of this category about this partnership already; it is still open");
        }
    }

    public static void checkOpen(boolean closed) {
        if (closed) {
            throw new Conflict("The concern is closed already");
        }
    }

    /** The text as kept: none when blank. */
    public static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** OPEN or CLOSED. */
    public static String state(boolean closed) {
        return closed ? "CLOSED" : "OPEN";
    }
}
