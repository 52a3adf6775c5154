package dev.mentoring.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The suppression edge: a figure of four people is withheld, one of five is shown. */
class FigureTest {

    @Test
    void fourPeopleAreTooFewAndFiveEnough() {
        assertThat(Figure.of(3.14, 4)).isEqualTo(new Figure(null, true));
        assertThat(Figure.of(3.14, 5)).isEqualTo(new Figure(3.1, null));
        assertThat(Figure.of(0, 0).suppressed()).isTrue();
    }
}
