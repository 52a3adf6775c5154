package dev.mentoring.matching.domain;

/** What a partnership's agreement says about confidentiality: the pair's own words, or the standard statement. */
public final class Confidentiality {

    /** The confidentiality statement an agreement gets when the pair writes none. */
    public static final String DEFAULT_STATEMENT = "What we share in our sessions stays between the two of us. "
            + "Neither of us passes on the other's personal or professional matters without consent, "
            + "except where the law or a risk to someone's safety requires it.";

    private Confidentiality() {
    }

    /** The pair's statement, trimmed, or the standard one when they wrote none. */
    public static String orDefault(String written) {
        return written == null || written.isBlank() ? DEFAULT_STATEMENT : written.strip();
    }
}
