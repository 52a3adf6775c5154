package dev.mentoring.feedback.api;

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

import dev.mentoring.feedback.application.Evaluations;
import dev.mentoring.feedback.application.Goals;
import dev.mentoring.feedback.application.HealthReports;
import dev.mentoring.feedback.application.FeedbackAsks;
import dev.mentoring.feedback.application.SessionFeedbacks;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.FeedbackAsk;
import dev.mentoring.feedback.persistence.SessionFeedback;

/** What the feedback API takes and answers, and how the use cases' results become views. */
public final class FeedbackViews {

    private FeedbackViews() {
    }

    @Schema(name = "SessionFeedbackInput")
    public record FeedbackInput(
            @Schema(required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer overall,
            @Schema(required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer preparation,
            @Schema(required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer communication,
            @Schema(examples = "Clear advice on the pitch, thank you") @Size(max = 2000) String comment,
            @Schema(description = "Whether the other participant sees this feedback (default false)") Boolean shareWithOther) {

        SessionFeedbacks.Ratings ratings() {
            return new SessionFeedbacks.Ratings(overall, preparation, communication, comment, Boolean.TRUE.equals(shareWithOther));
        }
    }

    @Schema(name = "SessionFeedback")
    public record FeedbackView(UUID id, UUID sessionId, String authorRole, boolean mine, int overall, int preparation,
            int communication, String comment, boolean shared, OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The feedback's version, raised by every change; its ETag is this number in quotes, what "
                    + "If-Match may send to edit your own")
            long version) {

        static FeedbackView of(SessionFeedbacks.Seen seen) {
            SessionFeedback f = seen.feedback();
            return new FeedbackView(f.id, f.sessionId, f.authorRole, seen.mine(), f.overall, f.preparation, f.communication, f.comment,
                    f.shared, f.createdAt, f.updatedAt, f.version);
        }
    }

    @Schema(name = "FeedbackAskInput", description = "What to ask feedback on: a session that took place, or the partnership so far")
    public record FeedbackAskInput(
            @Schema(implementation = String.class, format = "uuid", nullable = true,
                    description = "A session of the partnership that took place (within its 14-day feedback window); null or absent: the partnership so far")
            UUID sessionId) {
    }

    @Schema(name = "FeedbackAsk", description = "An ask for feedback by one of the pair to the other")
    public record FeedbackAskView(UUID id, UUID partnershipId,
            @Schema(implementation = String.class, format = "uuid", nullable = true, description = "The session it is on; null: the partnership so far")
            UUID sessionId,
            @Schema(description = "The participant who asked") UUID askedBy,
            @Schema(description = "MENTEE or MENTOR") String askedByRole,
            @Schema(description = "The participant asked: the partnership's other person") UUID askedOf,
            @Schema(description = "Whether the caller asked it") boolean mine,
            @Schema(description = "OPEN; ANSWERED once the person asked gave feedback on the session (any session, or answered an "
                    + "evaluation, for an ask on the partnership); LAPSED when an ask on a session was not answered within the "
                    + "session's feedback window", enumeration = { "OPEN", "ANSWERED", "LAPSED" }) String state,
            OffsetDateTime askedAt,
            @Schema(implementation = String.class, format = "date-time", nullable = true) OffsetDateTime answeredAt) {

        static FeedbackAskView of(FeedbackAsks.Seen seen) {
            FeedbackAsk a = seen.ask();
            return new FeedbackAskView(a.id, a.partnershipId, a.sessionId, a.askedBy, a.askedByRole, a.askedOf, seen.mine(), seen.state(),
                    a.askedAt, a.answeredAt);
        }
    }

    @Schema(name = "GoalProgress")
    public record GoalProgress(@Schema(required = true) @NotNull UUID goalId,
            @Schema(required = true, minimum = "0", maximum = "100") @NotNull @Min(0) @Max(100) Integer progressPercent,
            @Schema(required = true) @NotNull GoalStatus status) {

        Evaluations.GoalProgress progress() {
            return new Evaluations.GoalProgress(goalId, progressPercent, status.name());
        }
    }

    public enum GoalStatus { ON_TRACK, AT_RISK, ACHIEVED }

    @Schema(name = "EvaluationAnswer")
    public record EvaluationAnswer(@Size(max = 20) List<@NotNull @Valid GoalProgress> goals,
            @Schema(required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer relationshipQuality,
            @Schema(required = true, minimum = "0", maximum = "10", description = "How likely you would recommend this mentoring")
            @NotNull @Min(0) @Max(10) Integer recommend,
            @Size(max = 2000) String wentWell, @Size(max = 2000) String wasHard) {

        Evaluations.Answer answer() {
            return new Evaluations.Answer(goals == null ? null : goals.stream().map(GoalProgress::progress).toList(), relationshipQuality,
                    recommend, wentWell, wasHard);
        }
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(UUID id, String kind, LocalDate opensOn, LocalDate closesOn, String state, boolean answeredByMe) {

        static EvaluationView of(Evaluations.Seen seen) {
            return new EvaluationView(seen.evaluation().id, seen.evaluation().kind, seen.evaluation().opensOn, seen.evaluation().closesOn,
                    seen.evaluation().state, seen.answeredByMe());
        }
    }

    @Schema(name = "GoalCheckInInput")
    public record CheckInInput(@Schema(required = true, minimum = "0", maximum = "100") @NotNull @Min(0) @Max(100) Integer progressPercent,
            @Schema(examples = "Drafted the release plan") @Size(max = 500) String note,
            @Schema(description = "Marks the goal achieved whatever the percentage") Boolean achieved) {

        Goals.CheckIn checkIn() {
            return new Goals.CheckIn(progressPercent, note, achieved);
        }
    }

    @Schema(name = "Goal")
    public record GoalView(UUID goalId, String title, LocalDate dueDate, int progressPercent, OffsetDateTime achievedAt) {

        static GoalView of(Goal g) {
            return new GoalView(g.goalId, g.title, g.dueDate, g.progressPercent, g.achievedAt);
        }
    }

    /** An achieved goal, celebrated: both people of the partnership see it. */
    @Schema(name = "Celebration")
    public record CelebrationView(UUID partnershipId, UUID goalId, String title, OffsetDateTime achievedAt) {

        static CelebrationView of(Goal g) {
            return new CelebrationView(g.partnershipId, g.goalId, g.title, g.achievedAt);
        }
    }

    @Schema(name = "PitfallFinding")
    public record PitfallView(String pitfall, List<String> evidence, String suggestion) {

        static PitfallView of(HealthRules.Finding f) {
            return new PitfallView(f.pitfall().name(), f.evidence(), f.suggestion());
        }
    }

    @Schema(name = "PartnershipHealth")
    public record HealthView(UUID partnershipId, int score, String state, List<PitfallView> pitfalls, OffsetDateTime computedAt) {

        static HealthView of(HealthReports.Report report) {
            return new HealthView(report.partnershipId(), report.score(), report.state(),
                    report.pitfalls().stream().map(PitfallView::of).toList(), report.computedAt());
        }
    }
}
