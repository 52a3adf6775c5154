package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.ParticipantProfile;
import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.plumbing.validation.KnownLanguage;
import dev.mentoring.plumbing.validation.KnownTimeZone;

/**
 * A whole profile as an HR platform provisions it (keyed by employee id in the path). A missing
 * mentor or mentee side means the person does not take that role.
 */
@Schema(name = "ProfileRequest")
public record ProfileRequest(
        @Schema(examples = "Maria Jensen") @NotBlank @Size(max = 120) String displayName,
        @Schema(examples = "Europe/Copenhagen") @NotBlank @KnownTimeZone String timeZone,
        @Schema(examples = "[\"da\", \"en\"]") @NotNull @Size(min = 1, max = 10) List<@NotNull @KnownLanguage String> languages,
        @Schema(description = "Employee id of the person's manager, to avoid pairing them")
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._:-]*$", message = "must be letters, digits or . _ : -") String managerEmployeeId,
        @Min(0) @Max(60) Integer yearsOfExperience,
        Seniority seniority,
        LeadershipStyle leadershipStyle,
        CommunicationStyle communicationStyle,
        @Size(max = ApiLimits.MAX_SKILLS) List<@NotNull @Valid SkillLevel> skills,
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> industries,
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> expertise,
        @Valid MentorDetails mentor,
        @Valid MenteeDetails mentee) {

    /** The whole profile HR wrote, for the use case. */
    ParticipantProfile toProfile() {
        return new ParticipantProfile(displayName, timeZone, languages, managerEmployeeId, yearsOfExperience, seniority,
                leadershipStyle, communicationStyle, SkillLevel.skills(skills), industries, expertise,
                mentor == null ? null : mentor.side(), mentee == null ? null : mentee.side());
    }
}
