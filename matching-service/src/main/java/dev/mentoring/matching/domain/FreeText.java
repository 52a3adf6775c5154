package dev.mentoring.matching.domain;

/** Optional text a person writes (messages, notes, goals): trimmed, and absent when blank. */
public final class FreeText {

    private FreeText() {
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
