package dev.mentoring.sessions.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of matching-service's partnership.* events that session-service reads (unknown fields ignored). */
public record PartnershipChanged(UUID partnershipId, UUID menteeId, UUID mentorId, String state, String cadence,
        OffsetDateTime at) {

    /** The partnership events of mentoring.partnership.v1; other partnership.* types are not this record's. */
    public static final java.util.Set<String> TYPES = java.util.Set.of("partnership.started", "partnership.paused",
            "partnership.resumed", "partnership.completed", "partnership.ended");

    /** The states the contract allows. */
    public static final java.util.Set<String> STATES = java.util.Set.of("ACTIVE", "PAUSED", "COMPLETED", "ENDED_EARLY");

    /** Why this event cannot be applied, or null when it can (a reason for the dead-letter topic). */
    public String unusable() {
        if (partnershipId == null || menteeId == null || mentorId == null) {
            return "partnershipId, menteeId and mentorId are required";
        }
        if (state == null || !STATES.contains(state)) {
            return "state " + state + " is not one of " + STATES;
        }
        return null;
    }
}
