package dev.mentoring.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.contracts.Topics;

/**
 * The request and partnership events, all on {@link Topics#PARTNERSHIP} keyed by the partnership id
 * (the request's id), so one pair's whole story stays in order. No messages, notes or thanks.
 */
public final class PartnershipEvents {

    /** Payload of the mentorship.* events after the request: who, and for a decline the reason category. */
    public record RequestAnswered(UUID requestId, UUID menteeId, UUID mentorId, String origin, String reasonCategory,
            OffsetDateTime at) {
    }

    /** Payload of the partnership.* events. */
    public record PartnershipChanged(UUID partnershipId, UUID menteeId, UUID mentorId, String state, String cadence,
            String reasonCategory, OffsetDateTime at) {
    }

    public static final String ACCEPTED = "mentorship.accepted";
    public static final String DECLINED = "mentorship.declined";
    public static final String WITHDRAWN = "mentorship.withdrawn";
    public static final String EXPIRED = "mentorship.expired";
    public static final String STARTED = "partnership.started";
    public static final String PAUSED = "partnership.paused";
    public static final String RESUMED = "partnership.resumed";
    public static final String COMPLETED = "partnership.completed";
    public static final String ENDED = "partnership.ended";

    private PartnershipEvents() {
    }

    public static DomainEvent requested(MentorshipRequest request) {
        return event(request.tenant, request.id, MentorshipRequested.TYPE, new MentorshipRequested(request.id,
                request.menteeId, request.mentorId, request.origin, request.matchingRunId, request.expiresAt));
    }

    public static DomainEvent answered(MentorshipRequest request, String type) {
        return event(request.tenant, request.id, type, new RequestAnswered(request.id, request.menteeId, request.mentorId,
                request.origin, request.declineReason == null ? null : request.declineReason.name(), request.decidedAt));
    }

    public static DomainEvent partnership(Partnership partnership, String type, OffsetDateTime at) {
        return event(partnership.tenant, partnership.id, type, new PartnershipChanged(partnership.id, partnership.menteeId,
                partnership.mentorId, partnership.state.name(), partnership.cadence,
                partnership.endReason == null ? null : partnership.endReason.name(), at));
    }

    private static DomainEvent event(String tenant, UUID partnershipId, String type, Object payload) {
        return new DomainEvent(Topics.PARTNERSHIP, partnershipId.toString(), type, 1, "partnerships/" + partnershipId,
                tenant, payload);
    }
}
