package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An occurrence whose reminder was claimed: what the reminder tells, and the tenant it belongs to. */
public record DueReminder(String tenant, UUID sessionId, UUID partnershipId, UUID menteeId, UUID mentorId,
        OffsetDateTime startsAt, String timeZone) {
}
