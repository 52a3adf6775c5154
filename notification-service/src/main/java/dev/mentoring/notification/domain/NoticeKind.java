package dev.mentoring.notification.domain;

/**
 * What a notification tells a person, one per moment of the journey an app shows. New kinds may come within a version
 * (apps show an unknown kind by its text); none is ever renamed or removed.
 */
public enum NoticeKind {
    /** A mentee asked the person (or a committed matching run asked for them) to be their mentor. */
    REQUEST_RECEIVED,
    REQUEST_ACCEPTED,
    REQUEST_DECLINED,
    REQUEST_WITHDRAWN,
    REQUEST_EXPIRED,
    PARTNERSHIP_STARTED,
    PARTNERSHIP_PAUSED,
    PARTNERSHIP_RESUMED,
    PARTNERSHIP_COMPLETED,
    PARTNERSHIP_ENDED,
    /** The other person signed a version of the agreement: it waits for this person's signature. */
    AGREEMENT_TO_SIGN,
    AGREEMENT_IN_FORCE,
    AGREEMENT_REVIEW_DUE,
    SESSION_SCHEDULED,
    SESSION_MOVED,
    SESSION_CANCELLED,
    SESSION_REMINDER,
    EVALUATION_DUE,
    EVALUATION_OVERDUE,
    ACTION_ITEM_OVERDUE,
    GOAL_ACHIEVED,
    /** The other person of the partnership asks for this person's feedback, on a session or on the partnership so far. */
    FEEDBACK_ASKED,
    /** The program admins closed a concern this person raised; the outcome is the detail (never the concern's text). */
    CONCERN_CLOSED,
    /**
     * Someone of a partnership in a program this person runs raised a concern; the category is the detail (never the
     * concern's text, which the program's admins read in feedback-service).
     */
    CONCERN_RAISED;

    /** The kind of this name, or null if there is none. */
    public static NoticeKind named(String name) {
        for (NoticeKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
