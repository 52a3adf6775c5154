package dev.mentoring.sessions.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of matching-service's partnership.* events that session-service reads (unknown fields ignored). */
public record PartnershipChanged(UUID partnershipId, UUID menteeId, UUID mentorId, String state, String cadence,
        OffsetDateTime at) {

    public static final String PREFIX = "partnership.";
}
