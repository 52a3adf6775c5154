package dev.mentoring.contracts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * matching-service's request and partnership events on {@link Topics#PARTNERSHIP}, keyed by the partnership id (a
 * request's id becomes its partnership's id), so one pair's whole story stays in order. No messages, notes or thanks.
 */
public final class PartnershipEvents {

    /** A mentee asked a mentor, or a committed matching run asked for them. */
    public static final EventType<MentorshipRequested> REQUESTED = request("mentorship.requested", MentorshipRequested.class,
            MentorshipRequested::requestId);
    public static final EventType<RequestAnswered> ACCEPTED = answer("mentorship.accepted");
    public static final EventType<RequestAnswered> DECLINED = answer("mentorship.declined");
    public static final EventType<RequestAnswered> WITHDRAWN = answer("mentorship.withdrawn");
    public static final EventType<RequestAnswered> EXPIRED = answer("mentorship.expired");

    public static final EventType<PartnershipChanged> STARTED = partnership("partnership.started");
    public static final EventType<PartnershipChanged> PAUSED = partnership("partnership.paused");
    public static final EventType<PartnershipChanged> RESUMED = partnership("partnership.resumed");
    public static final EventType<PartnershipChanged> COMPLETED = partnership("partnership.completed");
    public static final EventType<PartnershipChanged> ENDED = partnership("partnership.ended");

    /** The five partnership lifecycle events, which all carry {@link PartnershipChanged}. */
    public static final List<EventType<PartnershipChanged>> PARTNERSHIP_CHANGES = List.of(STARTED, PAUSED, RESUMED, COMPLETED, ENDED);

    /** The states of a partnership as the events carry them. */
    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED_STATE = "PAUSED";
    public static final String COMPLETED_STATE = "COMPLETED";
    public static final String ENDED_EARLY = "ENDED_EARLY";
    /** Every state the contract allows. */
    public static final Set<String> STATES = Set.of(ACTIVE, PAUSED_STATE, COMPLETED_STATE, ENDED_EARLY);

    /** The reason of a mentorship.withdrawn (else without one) when one of the two left the organisation, and of a partnership.ended. */
    public static final String LEFT_ORGANISATION = "LEFT_ORGANISATION";
    /** The reason of a mentorship.withdrawn (and of a partnership.ended) when the program it belonged to closed. */
    public static final String PROGRAM_ENDED = "PROGRAM_ENDED";

    /** Who asked ({@code origin}): the mentee themselves, or a committed cohort matching run. */
    public static final String ORIGIN_MENTEE = "MENTEE";
    public static final String ORIGIN_MATCHING_RUN = "MATCHING_RUN";
    /** Every origin the contract allows. */
    public static final Set<String> ORIGINS = Set.of(ORIGIN_MENTEE, ORIGIN_MATCHING_RUN);

    /** Payload of mentorship.requested. */
    public record MentorshipRequested(UUID requestId, UUID menteeId, UUID mentorId, String origin, UUID matchingRunId,
            OffsetDateTime expiresAt, UUID programId) {
    }

    /** Payload of the mentorship.* events after the request: who, and for a decline the reason category. */
    public record RequestAnswered(UUID requestId, UUID menteeId, UUID mentorId, String origin, String reasonCategory,
            OffsetDateTime at, UUID programId) {
    }

    /** Payload of the partnership.* events. */
    public record PartnershipChanged(UUID partnershipId, UUID menteeId, UUID mentorId, String state, String cadence,
            String reasonCategory, OffsetDateTime at, UUID programId) implements CheckedPayload {

        /** A partnership event without its people, its time or a known state is never guessed at. */
        @Override
        public Optional<String> unusable() {
            if (partnershipId == null || menteeId == null || mentorId == null || at == null) {
                return Optional.of("partnershipId, menteeId, mentorId and at are required");
            }
            if (state == null || !STATES.contains(state)) {
                return Optional.of("state " + state + " is not one of " + STATES);
            }
            return Optional.empty();
        }

        /** Whether the partnership is over (completed or ended early). */
        public boolean ended() {
            return COMPLETED_STATE.equals(state) || ENDED_EARLY.equals(state);
        }
    }

    private PartnershipEvents() {
    }

    private static EventType<RequestAnswered> answer(String name) {
        return request(name, RequestAnswered.class, RequestAnswered::requestId);
    }

    private static <T> EventType<T> request(String name, Class<T> payload, java.util.function.Function<T, UUID> id) {
        return new EventType<>(name, Topics.PARTNERSHIP, 1, payload, id, data -> "partnerships/" + id.apply(data));
    }

    private static EventType<PartnershipChanged> partnership(String name) {
        return request(name, PartnershipChanged.class, PartnershipChanged::partnershipId);
    }
}
