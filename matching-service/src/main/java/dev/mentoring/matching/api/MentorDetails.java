package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.ParticipantProfile;
import dev.mentoring.matching.domain.Seniority;

/**
 * The mentor side of a profile. {@code capacity} is set by HR only: a person's own edit ignores it.
 */
@Schema(name = "MentorDetails")
public record MentorDetails(
        @Schema(description = "How many mentees at once (HR only)", minimum = "0", maximum = "20")
        @Min(0) @Max(20) Integer capacity,
        @Schema(description = "Whether they take new mentees") Boolean acceptingMentees,
        @Schema(description = "Areas they would like to mentor in")
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> wouldMentorIn,
        @Schema(description = "Mentee seniority they prefer")
        @Size(max = 5) List<@NotNull Seniority> preferredMenteeSeniority,
        @Schema(description = "A short introduction for the mentor directory, in their own words (an empty text removes it)",
                maxLength = 500, examples = "Twenty years of building product teams; I like helping new managers find their feet.")
        @Size(max = 500) String bio) {

    ParticipantProfile.MentorSide side() {
        return new ParticipantProfile.MentorSide(capacity, acceptingMentees, wouldMentorIn, bio, preferredMenteeSeniority);
    }
}
