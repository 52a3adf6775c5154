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

/** What the feedback API takes and answers. */
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
    }

    @Schema(name = "SessionFeedback")
    public record FeedbackView(UUID id, UUID sessionId, String authorRole, boolean mine, int overall, int preparation,
            int communication, String comment, boolean shared, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    @Schema(name = "GoalProgress")
    public record GoalProgress(@Schema(required = true) @NotNull UUID goalId,
            @Schema(required = true, minimum = "0", maximum = "100") @NotNull @Min(0) @Max(100) Integer progressPercent,
            @Schema(required = true) @NotNull GoalStatus status) {
    }

    public enum GoalStatus { ON_TRACK, AT_RISK, ACHIEVED }

    @Schema(name = "EvaluationAnswer")
    public record EvaluationAnswer(@Size(max = 20) List<@NotNull @Valid GoalProgress> goals,
            @Schema(required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer relationshipQuality,
            @Schema(required = true, minimum = "0", maximum = "10", description = "How likely you would recommend this mentoring")
            @NotNull @Min(0) @Max(10) Integer recommend,
            @Size(max = 2000) String wentWell, @Size(max = 2000) String wasHard) {
    }

    @Schema(name = "Evaluation")
    public record EvaluationView(UUID id, String kind, LocalDate opensOn, LocalDate closesOn, String state, boolean answeredByMe) {
    }

    @Schema(name = "GoalCheckInInput")
    public record CheckInInput(@Schema(required = true, minimum = "0", maximum = "100") @NotNull @Min(0) @Max(100) Integer progressPercent,
            @Schema(examples = "Drafted the release plan") @Size(max = 500) String note,
            @Schema(description = "Marks the goal achieved whatever the percentage") Boolean achieved) {
    }

    @Schema(name = "Goal")
    public record GoalView(UUID goalId, String title, LocalDate dueDate, int progressPercent, OffsetDateTime achievedAt) {
    }

    @Schema(name = "PitfallFinding")
    public record PitfallView(String pitfall, List<String> evidence, String suggestion) {
    }

    @Schema(name = "PartnershipHealth")
    public record HealthView(UUID partnershipId, int score, String state, List<PitfallView> pitfalls, OffsetDateTime computedAt) {
    }
}
