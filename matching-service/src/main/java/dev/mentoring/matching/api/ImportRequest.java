package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bulk import of up to 1,000 people by an HR platform; each item is validated and applied on its own. */
@Schema(name = "ImportRequest")
public record ImportRequest(@Schema(maxItems = ApiLimits.MAX_IMPORT) @NotNull List<Item> participants) {

    /** One person: their employee id and whole profile. */
    @Schema(name = "ImportItem")
    public record Item(String employeeId, ProfileRequest profile) {
    }
}
