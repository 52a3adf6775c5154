package dev.mentoring.contracts;

/**
 * The topic names of the platform, one place each. A topic carries one aggregate's events, keyed by the
 * aggregate id; the suffix is the major version of the contract.
 */
public final class Topics {

    /** matching-service: participant profiles, keyed by participant id. */
    public static final String PARTICIPANT = "mentoring.participant.v1";
    /** matching-service: requests, partnerships and agreements, keyed by partnership id. */
    public static final String PARTNERSHIP = "mentoring.partnership.v1";
    /** matching-service: programs and who is enrolled in them, keyed by program id. */
    public static final String PROGRAM = "mentoring.program.v1";
    /** matching-service: cohort matching runs, keyed by run id. */
    public static final String MATCHING_RUN = "mentoring.matching-run.v1";
    /** session-service: sessions, series and action items, keyed by partnership id. */
    public static final String SESSION = "mentoring.session.v1";
    /** feedback-service: feedback, evaluations, goals and health, keyed by partnership id. */
    public static final String FEEDBACK = "mentoring.feedback.v1";

    /**
     * matching-service, internal: the words of each agreement's goals (title, measure, target) for the platform's own
     * services (feedback-service), keyed by partnership id, compacted and kept 30 days. Free text written by the participants, so it
     * is on no public topic: never granted to analytics, never offered to webhooks or tenant streams.
     */
    public static final String AGREEMENT_TEXT = "mentoring.internal.agreement-text.v1";

    /** notification-service: webhook endpoints, keyed by endpoint id. */
    public static final String WEBHOOK = "mentoring.webhook.v1";

    private Topics() {
    }
}
