package dev.mentoring.matching.domain;

/** A skill with a level from 1 (aware) to 5 (expert); for a mentee's desired skill, the target level. */
public record Skill(String name, int level) {

    public Skill {
        name = name.strip().toLowerCase(java.util.Locale.ROOT);
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level must be 1-5");
        }
    }
}
