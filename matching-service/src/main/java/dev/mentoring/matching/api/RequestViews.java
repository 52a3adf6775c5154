package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.MentorshipRequests;
import dev.mentoring.matching.application.Partnerships;
import dev.mentoring.matching.domain.DeclineReason;
import dev.mentoring.matching.domain.EndReason;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.matching.domain.RequestState;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.Partnership;

/** Requests and partnerships as the API shows and takes them. */
public final class RequestViews {

    private RequestViews() {
    }

    @Schema(name = "MentorshipRequestCreate")
    public record Create(@NotNull UUID mentorId, @Size(max = 2000) String message,
            @Schema(description = "The program to ask in: both must be enrolled in it (mentee as mentee, mentor as mentor) and it must "
                    + "be running. None: the tenant's general program, which everyone with a mentoring role is in") UUID programId) {

        MentorshipRequests.Ask ask() {
            return new MentorshipRequests.Ask(mentorId, message, programId);
        }
    }

    @Schema(name = "MentorshipRequestDecline")
    public record Decline(@NotNull DeclineReason reasonCategory, @Size(max = 2000) String message) {
    }

    @Schema(name = "PartnershipEnd")
    public record End(@NotNull EndReason reasonCategory, @Size(max = 2000) String note,
            @Size(max = 2000) String thankYouMessage) {

        Partnerships.Ending ending() {
            return new Partnerships.Ending(reasonCategory, note, thankYouMessage);
        }
    }

    /** A request as its mentee and mentor see it, messages included; a program admin sees it without the messages. */
    @Schema(name = "MentorshipRequest")
    public record Request(UUID id, UUID menteeId, UUID mentorId, RequestState state, String origin, UUID matchingRunId,
            String message, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime decidedAt,
            DeclineReason declineReason, String declineMessage,
            @Schema(description = "The program the request was made in") UUID programId) {

        /** As its mentee and mentor see it, with the messages. */
        public static Request withMessages(MentorshipRequest r) {
            return new Request(r.id, r.menteeId, r.mentorId, r.state, r.origin, r.matchingRunId, r.message, r.createdAt,
                    r.expiresAt, r.decidedAt, r.declineReason, r.declineMessage, r.programId);
        }

        /** With the messages for its mentee and mentor, without for a program admin. */
        public static Request of(MentorshipRequests.Seen seen) {
            MentorshipRequest r = seen.request();
            return seen.withMessages() ? withMessages(r)
                    : new Request(r.id, r.menteeId, r.mentorId, r.state, r.origin, r.matchingRunId, null, r.createdAt,
                            r.expiresAt, r.decidedAt, r.declineReason, null, r.programId);
        }
    }

    /** A partnership as its two participants see it; program admins get it without the private texts. */
    @Schema(name = "Partnership")
    public record PartnershipView(UUID id, UUID menteeId, UUID mentorId, PartnershipState state, String cadence,
            OffsetDateTime startedAt, OffsetDateTime endedAt, EndReason endReason, String endNote, String thankYouMessage,
            UUID endedBy, @Schema(description = "The program the partnership belongs to") UUID programId) {

        public static PartnershipView forParticipant(Partnership p) {
            return new PartnershipView(p.id, p.menteeId, p.mentorId, p.state, p.cadence, p.startedAt, p.endedAt, p.endReason,
                    p.endNote, p.thankYou, p.endedBy, p.programId);
        }

        /** With the private texts for one of the two participants, without for an admin. */
        public static PartnershipView of(Partnerships.Seen seen) {
            return seen.withPrivateTexts() ? forParticipant(seen.partnership()) : forAdmin(seen.partnership());
        }

        public static PartnershipView forAdmin(Partnership p) {
            return new PartnershipView(p.id, p.menteeId, p.mentorId, p.state, p.cadence, p.startedAt, p.endedAt, p.endReason,
                    null, null, p.endedBy, p.programId);
        }
    }
}
