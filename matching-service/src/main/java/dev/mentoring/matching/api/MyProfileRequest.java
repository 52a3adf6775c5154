package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.domain.ProfileChange;
import dev.mentoring.plumbing.validation.KnownLanguage;
import dev.mentoring.plumbing.validation.KnownTimeZone;

/** What a person may set on their own profile. Tenant, ids and HR-owned fields are not part of it. */
@Schema(name = "MyProfileRequest", description = "The caller's own editable profile fields")
public record MyProfileRequest(
        @Schema(examples = "Anna Nielsen", maxLength = 120)
        @NotBlank @Size(max = 120) String displayName,
        @Schema(examples = "Europe/Copenhagen", description = "IANA time zone")
        @NotBlank @KnownTimeZone String timeZone,
        @Schema(examples = "[\"da\", \"en\"]", description = "ISO 639-1 codes, 1 to 10")
        @NotNull @Size(min = 1, max = 10) List<@NotNull @KnownLanguage String> languages) {

    public ProfileChange toChange() {
        return new ProfileChange(displayName.strip(), timeZone, languages);
    }
}
