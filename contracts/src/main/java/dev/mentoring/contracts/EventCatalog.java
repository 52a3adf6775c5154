package dev.mentoring.contracts;

import java.util.List;
import java.util.Optional;

/** Every event type of the platform, once: what the contract tests check against the JSON Schemas. */
public final class EventCatalog {

    /** The public contract: what analytics pipelines, webhooks and tenant streams get. */
    public static final List<EventType<?>> PUBLIC = List.of(
            ParticipantEvents.UPDATED, ParticipantEvents.DEACTIVATED, ParticipantEvents.ERASED,
            PartnershipEvents.REQUESTED, PartnershipEvents.ACCEPTED, PartnershipEvents.DECLINED, PartnershipEvents.WITHDRAWN,
            PartnershipEvents.EXPIRED, PartnershipEvents.STARTED, PartnershipEvents.PAUSED, PartnershipEvents.RESUMED,
            PartnershipEvents.COMPLETED, PartnershipEvents.ENDED,
            AgreementEvents.SIGNED, AgreementEvents.ACTIVATED, AgreementEvents.IN_FORCE, AgreementEvents.REVIEW_DUE,
            MatchingRunEvents.COMPLETED,
            ProgramEvents.CREATED, ProgramEvents.UPDATED, ProgramEvents.ENROLMENT_OPENED, ProgramEvents.STARTED, ProgramEvents.CLOSED,
            ProgramEvents.APPLIED, ProgramEvents.ENROLLED, ProgramEvents.DECLINED, ProgramEvents.LEFT,
            ProgramEvents.ADMIN_ASSIGNED, ProgramEvents.ADMIN_UNASSIGNED,
            SessionEvents.SCHEDULED, SessionEvents.RESCHEDULED, SessionEvents.CANCELLED, SessionEvents.COMPLETED,
            SessionEvents.NO_SHOW, SessionEvents.REMINDER_DUE, SessionEvents.ACTION_ITEM_CREATED,
            SessionEvents.ACTION_ITEM_COMPLETED, SessionEvents.ACTION_ITEM_OVERDUE,
            FeedbackEvents.FEEDBACK_SUBMITTED, FeedbackEvents.FEEDBACK_UPDATED, FeedbackEvents.EVALUATION_DUE,
            FeedbackEvents.EVALUATION_OVERDUE, FeedbackEvents.EVALUATION_COMPLETED, FeedbackEvents.GOAL_PROGRESSED,
            FeedbackEvents.GOAL_ACHIEVED, FeedbackEvents.HEALTH_CHANGED, FeedbackEvents.FEEDBACK_ASKED,
            FeedbackEvents.CONCERN_RAISED, FeedbackEvents.CONCERN_CLOSED,
            WebhookEvents.ENDPOINT_DISABLED);

    /** The platform's own: events on internal topics, for its services only (free text the public topics never carry). */
    public static final List<EventType<?>> INTERNAL = List.of(AgreementEvents.GOAL_TEXTS);

    /** Every event type, public and internal. */
    public static final List<EventType<?>> ALL = java.util.stream.Stream.concat(PUBLIC.stream(), INTERNAL.stream()).toList();

    private EventCatalog() {
    }

    /** Every public CloudEvents type name of the platform, sorted. */
    public static List<String> names() {
        return PUBLIC.stream().map(EventType::name).sorted().toList();
    }

    /** Whether the type is of the public contract (not on an internal topic). */
    public static boolean isPublic(EventType<?> type) {
        return PUBLIC.contains(type);
    }

    /** The event type of this CloudEvents type name, if the contract has it (public or internal). */
    public static Optional<EventType<?>> named(String name) {
        return ALL.stream().filter(type -> type.name().equals(name)).findFirst();
    }
}
