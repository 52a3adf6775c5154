package dev.mentoring.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.Partnership;

/**
 * What matching-service publishes about requests and partnerships, keyed by the partnership id (the request's id),
 * so one pair's whole story stays in order. No messages, notes or thanks.
 */
public final class PartnershipPublisher {

    private PartnershipPublisher() {
    }

    public static DomainEvent requested(MentorshipRequest request) {
        return requested(request.tenant, request.id, request.menteeId, request.mentorId, request.origin, request.matchingRunId,
                request.expiresAt, request.programId);
    }

    /** A request made without its entity at hand (a committed matching run writes many in one statement). */
    public static DomainEvent requested(String tenant, UUID requestId, UUID menteeId, UUID mentorId, String origin, UUID matchingRunId,
            OffsetDateTime expiresAt, UUID programId) {
        return DomainEvent.of(tenant, PartnershipEvents.REQUESTED,
                new PartnershipEvents.MentorshipRequested(requestId, menteeId, mentorId, origin, matchingRunId, expiresAt, programId));
    }

    public static DomainEvent answered(MentorshipRequest request, EventType<PartnershipEvents.RequestAnswered> type) {
        return DomainEvent.of(request.tenant, type, new PartnershipEvents.RequestAnswered(request.id, request.menteeId,
                request.mentorId, request.origin, request.declineReason == null ? null : request.declineReason.name(), request.decidedAt,
                request.programId));
    }

    /** mentorship.withdrawn of an open request for a reason of the platform's: one of the two left, or the program closed. */
    public static DomainEvent withdrawnBecause(MentorshipRequest request, String reason) {
        return DomainEvent.of(request.tenant, PartnershipEvents.WITHDRAWN, new PartnershipEvents.RequestAnswered(request.id, request.menteeId,
                request.mentorId, request.origin, reason, request.decidedAt, request.programId));
    }

    public static DomainEvent partnership(Partnership partnership, EventType<PartnershipEvents.PartnershipChanged> type, OffsetDateTime at) {
        return DomainEvent.of(partnership.tenant, type, new PartnershipEvents.PartnershipChanged(partnership.id, partnership.menteeId,
                partnership.mentorId, partnership.state.name(), partnership.cadence,
                partnership.endReason == null ? null : partnership.endReason.name(), at, partnership.programId));
    }
}
