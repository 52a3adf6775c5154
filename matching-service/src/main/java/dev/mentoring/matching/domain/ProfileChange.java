package dev.mentoring.matching.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The part of a profile a person edits themselves, and the rule for applying it: what changed is what
 * differs, in order-insensitive terms for languages.
 */
public record ProfileChange(String displayName, String timeZone, List<String> languages) {

    /** The distinct languages in the order given. */
    public String[] languageArray() {
        return languages.stream().distinct().toArray(String[]::new);
    }

    /** Whether applying this change to the current values would change anything. */
    public boolean differsFrom(String currentName, String currentZone, String[] currentLanguages) {
        return !displayName.equals(currentName) || !timeZone.equals(currentZone)
                || !Arrays.equals(languageArray(), currentLanguages);
    }
}
