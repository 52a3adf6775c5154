package dev.mentoring.matching.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Payload of {@code mentorship.requested} on mentoring.partnership.v1, keyed by the request id (which
 * becomes the partnership id): a mentee asked a mentor, or a committed matching run asked for them.
 * Never carries the message.
 */
public record MentorshipRequested(UUID requestId, UUID menteeId, UUID mentorId, String origin, UUID matchingRunId,
        OffsetDateTime expiresAt) {

    public static final String TYPE = "mentorship.requested";
    public static final int SCHEMA_VERSION = 1;
}
