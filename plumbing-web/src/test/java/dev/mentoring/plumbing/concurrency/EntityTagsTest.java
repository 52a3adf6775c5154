package dev.mentoring.plumbing.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.problem.ProblemException;

class EntityTagsTest {

    @Test
    void aTagNamesItsVersionStrongOrWeakOrInAList() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
        assertThat(EntityTags.matches("\"3\"", 3)).isTrue();
        assertThat(EntityTags.matches("W/\"3\"", 3)).isTrue();
        assertThat(EntityTags.matches("\"1\", \"3\"", 3)).isTrue();
        assertThat(EntityTags.matches("*", 3)).isTrue();
        assertThat(EntityTags.matches("\"2\"", 3)).isFalse();
        assertThat(EntityTags.matches("3", 3)).isFalse();
    }

    @Test
    void aStaleTagIs412AndAMissingRequiredOne428() {
        assertThatThrownBy(() -> EntityTags.check("\"2\"", 3, false, "the note"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> EntityTags.check(null, 3, true, "the note"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
        assertThatCode(() -> EntityTags.check(null, 3, false, "the note")).doesNotThrowAnyException();
        assertThatCode(() -> EntityTags.check("\"3\"", 3, true, "the note")).doesNotThrowAnyException();
    }
}
