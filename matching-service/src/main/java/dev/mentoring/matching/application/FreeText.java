package dev.mentoring.matching.application;

/** Optional text a person writes (messages, notes, goals): trimmed, and absent when blank. */
final class FreeText {

    private FreeText() {
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
