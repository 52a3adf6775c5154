package dev.mentoring.matching.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.Agreements;
import dev.mentoring.matching.domain.Cadence;
import dev.mentoring.matching.domain.MeetingMode;
import dev.mentoring.matching.persistence.Agreement;

/** The mentorship agreement as the API takes and shows it. */
public final class AgreementViews {

    private AgreementViews() {
    }

    /** A goal as sent: SMART elements are checked by the service (422 naming the missing one). */
    @Schema(name = "AgreementGoalInput")
    public record GoalInput(@Schema(description = "Keep the id of an existing goal to keep its progress") UUID id,
            @Schema(required = true, examples = "Lead the team's next release") @Size(max = 300) String statement,
            @Schema(required = true, examples = "releases led") @Size(max = 300) String measure,
            @Schema(required = true, examples = "1") @Size(max = 100) String target,
            @Schema(required = true, examples = "A step towards team lead") @Size(max = 1000) String why,
            @Schema(required = true, description = "In the future") LocalDate dueDate) {

        Agreements.GoalTerms terms() {
            return new Agreements.GoalTerms(id, statement, measure, target, why, dueDate);
        }
    }

    @Schema(name = "AgreementInput")
    public record Input(
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid GoalInput> goals,
            @Schema(description = "Defaults to the partnership's program's default (its matching settings), else MONTHLY") Cadence cadence,
            @Schema(minimum = "30", maximum = "240", description = "Defaults to the program's default, else 60")
            @Min(30) @Max(240) Integer sessionMinutes,
            @NotNull MeetingMode meetingMode,
            @Size(max = 500) String placeOrLink,
            @Schema(description = "How the two communicate between sessions, e.g. chat or email") @Size(max = 100) String channel,
            @Min(1) @Max(336) Integer responseTimeHours,
            @Size(max = 2000) String mentorResponsibilities,
            @Size(max = 2000) String menteeResponsibilities,
            @Schema(description = "Defaults to the program's default ground rules, if any") @Size(max = 4000) String groundRules,
            @Schema(description = "Defaults to the program's default statement, else a standard one") @Size(max = 4000) String confidentiality,
            @Schema(description = "Defaults to six months on") LocalDate reviewDate) {

        /** What the pair wrote, for the use case. */
        Agreements.Terms terms() {
            return new Agreements.Terms(goals.stream().map(GoalInput::terms).toList(), cadence, sessionMinutes, meetingMode,
                    placeOrLink, channel, responseTimeHours, mentorResponsibilities, menteeResponsibilities, groundRules,
                    confidentiality, reviewDate);
        }
    }

    public record Goal(UUID id,
            @Schema(nullable = true, description = "null once the person who wrote this version is erased") String statement,
            @Schema(nullable = true, description = "null once the person who wrote this version is erased") String measure,
            @Schema(nullable = true, description = "null once the person who wrote this version is erased") String target,
            @Schema(nullable = true, description = "null once the person who wrote this version is erased") String why,
            LocalDate dueDate) {

        static Goal of(Agreement.Goal g) {
            return new Goal(g.goalId, g.statement, g.measure, g.target, g.why, g.dueDate);
        }
    }

    public record Version(int version, List<Goal> goals, Cadence cadence, int sessionMinutes, MeetingMode meetingMode,
            String placeOrLink, String channel, Integer responseTimeHours, String mentorResponsibilities,
            String menteeResponsibilities, String groundRules, String confidentiality, LocalDate reviewDate,
            OffsetDateTime createdAt, OffsetDateTime menteeSignedAt, OffsetDateTime mentorSignedAt) {

        static Version of(Agreements.Version version) {
            return version == null ? null : of(version.draft(), version.goals());
        }

        public static Version of(Agreement.Draft d, List<Agreement.Goal> goals) {
            return new Version(d.number, goals.stream().map(Goal::of).toList(), d.cadence, d.sessionMinutes, d.meetingMode,
                    d.placeOrLink, d.channel, d.responseTimeHours, d.mentorResponsibilities, d.menteeResponsibilities,
                    d.groundRules, d.confidentiality, d.reviewDate, d.createdAt, d.menteeSignedAt, d.mentorSignedAt);
        }
    }

    /** The agreement: the latest draft (what an edit replaces, named by the ETag) and the version in force. */
    @Schema(name = "Agreement")
    public record View(UUID partnershipId, Version latest, Version inForce) {

        public static View of(Agreements.Edited edited) {
            return new View(edited.agreement().partnershipId, Version.of(edited.latest()), Version.of(edited.inForce()));
        }
    }

    @Schema(name = "AgreementSignature")
    public record Signature(@NotNull @Min(1) Integer version) {
    }
}
