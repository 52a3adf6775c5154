package dev.mentoring.feedback.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.feedback.domain.ConcernRules;
import dev.mentoring.feedback.persistence.Concern;

/** What the concerns API takes and answers. */
public final class ConcernViews {

    private ConcernViews() {
    }

    @Schema(name = "ConcernInput", description = "A concern raised with the program admins, privately")
    public record ConcernInput(
            @Schema(required = true, description = "What is wrong") @NotNull ConcernRules.ConcernCategory category,
            @Schema(nullable = true, maxLength = ConcernRules.MAX_TEXT, examples = "We keep disagreeing about what the sessions are for",
                    description = "Optional: what happened. Read only by the program admins (and you); never shown to the other person, "
                            + "never in an event; erased with you") @Size(max = ConcernRules.MAX_TEXT) String text) {
    }

    @Schema(name = "ConcernClosure", description = "How a program admin closes a concern")
    public record ConcernClosure(@Schema(required = true) @NotNull ConcernRules.ConcernOutcome outcome) {
    }

    @Schema(name = "Concern", description = "A concern one of a partnership's two people raised with the program admins; "
            + "outcome is null while it is open")
    public record ConcernView(UUID id, UUID partnershipId,
            @Schema(description = "The participant who raised it") UUID raisedBy,
            @Schema(description = "MENTEE or MENTOR", enumeration = { "MENTEE", "MENTOR" }) String raisedByRole,
            ConcernRules.ConcernCategory category,
            @Schema(implementation = String.class, nullable = true, description = "What happened, if told; null once its author is erased")
            String text,
            @Schema(enumeration = { "OPEN", "CLOSED" }) String state,
            OffsetDateTime raisedAt,
            @Schema(implementation = String.class, format = "date-time", nullable = true) OffsetDateTime closedAt,
            ConcernRules.ConcernOutcome outcome) {

        static ConcernView of(Concern c) {
            return new ConcernView(c.id, c.partnershipId, c.raisedBy, c.raisedByRole, ConcernRules.ConcernCategory.valueOf(c.category), c.text,
                    ConcernRules.state(c.closedAt != null), c.raisedAt, c.closedAt,
                    c.outcome == null ? null : ConcernRules.ConcernOutcome.valueOf(c.outcome));
        }
    }
}
