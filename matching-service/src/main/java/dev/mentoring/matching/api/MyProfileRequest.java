package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.application.ParticipantProfile;
import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.plumbing.validation.KnownLanguage;
import dev.mentoring.plumbing.validation.KnownTimeZone;

/**
 * What a person may set on their own profile. Tenant, ids, employee id, manager, experience, seniority
 * and the mentor capacity are HR's and are ignored here. An optional field left out (null) keeps its
 * value; an empty list clears it. A mentor or mentee side is edited only if the person has that role.
 */
@Schema(name = "MyProfileRequest", description = "The caller's own editable profile fields")
public record MyProfileRequest(
        @Schema(examples = "Anna Nielsen", maxLength = 120)
        @NotBlank @Size(max = 120) String displayName,
        @Schema(examples = "Europe/Copenhagen", description = "IANA time zone")
        @NotBlank @KnownTimeZone String timeZone,
        @Schema(examples = "[\"da\", \"en\"]", description = "ISO 639-1 codes, 1 to 10")
        @NotNull @Size(min = 1, max = 10) List<@NotNull @KnownLanguage String> languages,
        LeadershipStyle leadershipStyle,
        CommunicationStyle communicationStyle,
        @Size(max = ApiLimits.MAX_SKILLS) List<@NotNull @Valid SkillLevel> skills,
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> industries,
        @Size(max = ApiLimits.MAX_TERMS) List<@NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String> expertise,
        @Valid MentorDetails mentor,
        @Valid MenteeDetails mentee) {

    /** The part of the profile the person wrote, for the use case; HR's fields stay null and are ignored. */
    ParticipantProfile toProfile() {
        return new ParticipantProfile(displayName, timeZone, languages, null, null, null, leadershipStyle, communicationStyle,
                SkillLevel.skills(skills), industries, expertise, mentor == null ? null : mentor.side(),
                mentee == null ? null : mentee.side());
    }
}
