package dev.mentoring.matching.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.matching.domain.Skill;

/** A skill and its level, 1 (aware) to 5 (expert); for a desired skill, the level the mentee aims at. */
@Schema(name = "SkillLevel")
public record SkillLevel(
        @Schema(examples = "java") @NotNull @Pattern(regexp = ApiLimits.TERM, message = ApiLimits.TERM_MESSAGE) String name,
        @Schema(minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer level) {

    static List<Skill> skills(List<SkillLevel> skills) {
        return skills == null ? null : skills.stream().map(s -> new Skill(s.name(), s.level())).toList();
    }
}
