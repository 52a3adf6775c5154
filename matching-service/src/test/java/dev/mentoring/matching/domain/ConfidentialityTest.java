package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfidentialityTest {

    @Test
    void thePairsOwnWordsOrTheStandardStatement() {
        assertThat(Confidentiality.orDefault(null)).isEqualTo(Confidentiality.DEFAULT_STATEMENT);
        assertThat(Confidentiality.orDefault(" ")).isEqualTo(Confidentiality.DEFAULT_STATEMENT);
        assertThat(Confidentiality.orDefault(" Between us. ")).isEqualTo("Between us.");
    }
}
