package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.RuleViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void criteriaLeftOutWeighNothing() {
        Weights weights = new Weights(Map.of(Criterion.SKILLS, 50));
        assertThat(weights.of(Criterion.SKILLS)).isEqualTo(50);
        assertThat(weights.of(Criterion.LANGUAGE)).isZero();
        assertThat(weights.total()).isEqualTo(50);
    }

    @Test
    void theWeightsComeInTheCriteriasOrderWhateverOrderTheyWereGivenIn() {
        // answers show them in this order on every instance of the service (two instances must answer alike)
        assertThat(Weights.DEFAULT.byCriterion().keySet()).containsExactly(Criterion.values());
        assertThat(new Weights(Map.of(Criterion.TIME_ZONE, 5, Criterion.SKILLS, 50)).byCriterion().keySet()).containsExactly(Criterion.values());
    }

    @Test
    void eachWeightIsZeroToHundredAndOneIsAboveZero() {
        assertThatThrownBy(() -> new Weights(Map.of(Criterion.SKILLS, 101))).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.field()).isEqualTo("weights");
            assertThat(e.reason()).isEqualTo("SKILLS weight must be 0-100");
        });
        assertThatThrownBy(() -> new Weights(Map.of(Criterion.SKILLS, -1))).isInstanceOf(RuleViolation.class);
        java.util.Map<Criterion, Integer> withNull = new java.util.EnumMap<>(Criterion.class);
        withNull.put(Criterion.SKILLS, null);
        assertThatThrownBy(() -> new Weights(withNull)).as("a null weight is a broken rule, not a bug")
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.reason()).isEqualTo("SKILLS weight must be 0-100, not null"));
        assertThatThrownBy(() -> new Weights(Map.of())).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.reason()).isEqualTo("at least one weight must be above 0"));
    }
}
