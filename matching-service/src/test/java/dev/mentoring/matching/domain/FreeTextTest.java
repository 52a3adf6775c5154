package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void blankTextIsAbsentAndTextIsTrimmed() {
        assertThat(FreeText.optional(null)).isNull();
        assertThat(FreeText.optional("  \n ")).isNull();
        assertThat(FreeText.optional("  Thanks!  ")).isEqualTo("Thanks!");
    }
}
