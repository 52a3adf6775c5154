package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.ParticipantProfile;
import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;

/** The mentee side of a profile: goals in their own words, desired skills, preferences. */
@Schema(name = "MenteeDetails")
public record MenteeDetails(
        @Schema(description = "Development goals in the mentee's own words (personal: only the person and HR see it)")
        @Size(max = ApiLimits.MAX_GOALS_LENGTH) String goals,
        @Size(max = ApiLimits.MAX_SKILLS) List<@NotNull @Valid SkillLevel> desiredSkills,
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> preferredIndustries,
        LeadershipStyle preferredLeadershipStyle,
        CommunicationStyle preferredCommunicationStyle,
        @Schema(description = "How many hours apart the mentor's clock may be", minimum = "0", maximum = "12")
        @Min(0) @Max(12) Integer maxTimeZoneGapHours,
        @Schema(description = "Whether the mentee takes part in cohort matching runs") Boolean optedIn) {

    ParticipantProfile.MenteeSide side() {
        return new ParticipantProfile.MenteeSide(goals, SkillLevel.skills(desiredSkills), preferredIndustries,
                preferredLeadershipStyle, preferredCommunicationStyle, maxTimeZoneGapHours, optedIn);
    }
}
