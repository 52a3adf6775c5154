package dev.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmployeeIdTest {

    @Test
    void oneToSixtyFourLettersDigitsOrDotUnderscoreColonDash() {
        assertThat(EmployeeId.isValid("E-1")).isTrue();
        assertThat(EmployeeId.isValid("hr:emp_42.a")).isTrue();
        assertThat(EmployeeId.isValid("x".repeat(64))).isTrue();
        assertThat(EmployeeId.isValid("x".repeat(65))).isFalse();
        assertThat(EmployeeId.isValid("")).isFalse();
        assertThat(EmployeeId.isValid(null)).isFalse();
        assertThat(EmployeeId.isValid("a b")).isFalse();
        assertThat(EmployeeId.isValid("a/b")).isFalse();
    }
}
