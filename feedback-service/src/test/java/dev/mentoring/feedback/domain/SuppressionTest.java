package dev.mentoring.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Complementary suppression: what a total and the shown parts would tell is never a figure of fewer than five people. */
class SuppressionTest {

    private static Suppression.Count people(long n) {
        return new Suppression.Count(n, n);
    }

    private static Map<Object, Figure> line(long total, long... parts) {
        Suppression table = Suppression.table().count("total", people(total));
        List<Object> ids = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            table.count(i, people(parts[i]));
            ids.add(i);
        }
        return table.line(ids, "total").shown();
    }

    private static boolean hidden(Map<Object, Figure> shown, Object id) {
        return Boolean.TRUE.equals(shown.get(id).suppressed());
    }

    @Test
    void aSmallPartHidesTheSmallestShownBesideIt() {
        Map<Object, Figure> shown = line(15, 6, 2, 7);
        assertThat(hidden(shown, 0)).isTrue(); // 6 people, but 15 - 7 - 6 would tell the 2
        assertThat(hidden(shown, 1)).isTrue();
        assertThat(shown.get(2).value()).isEqualTo(7.0);
        assertThat(shown.get("total").value()).isEqualTo(15.0);
    }

    @Test
    void companionsAreAddedUntilTheHiddenRestOnFivePeople() {
        Map<Object, Figure> shown = line(30, 1, 2, 3, 24);
        assertThat(hidden(shown, 0)).isTrue();
        assertThat(hidden(shown, 1)).isTrue();
        assertThat(hidden(shown, 2)).isTrue(); // 1 + 2 + 3 = 6: enough together, 24 stays
        assertThat(shown.get(3).value()).isEqualTo(24.0);
        // 1 + 2 = 3 hidden on their own: the 8 joins them
        shown = line(40, 1, 2, 8, 29);
        assertThat(hidden(shown, 2)).isTrue();
        assertThat(shown.get(3).value()).isEqualTo(29.0);
    }

    @Test
    void emptyPartsAskForNoCompanion() {
        Map<Object, Figure> shown = line(20, 20, 0, 0);
        assertThat(shown.get(0).value()).isEqualTo(20.0);
        assertThat(hidden(shown, 1)).isTrue();
        assertThat(shown.get("total").value()).isEqualTo(20.0);
    }

    @Test
    void whenThePartsRunOutTheTotalIsHidden() {
        // two programs with 2 people each, a tenant of 9 (people in several programs, or none): 9 would tell nothing
        // exactly, but with no part left to hide the total goes too
        Map<Object, Figure> shown = line(9, 2, 2);
        assertThat(hidden(shown, 0)).isTrue();
        assertThat(hidden(shown, 1)).isTrue();
        assertThat(hidden(shown, "total")).isTrue();
    }

    @Test
    void aCountInTwoLinesIsSettledInBoth() {
        // programs A and B by health state: A at risk 2 hides A's healthy (its line's companion) and B's at risk (the tenant's
        // at-risk line's); B's at risk alone in B's line would be B's total less B's healthy, so that goes too: the four
        // inner figures hidden, the totals shown
        Suppression table = Suppression.table()
                .count("A-risk", people(2)).count("A-healthy", people(9)).count("A-all", people(11))
                .count("B-risk", people(6)).count("B-healthy", people(12)).count("B-all", people(18))
                .count("T-risk", people(8)).count("T-healthy", people(21)).count("T-all", people(29));
        table.line(List.of("A-risk", "A-healthy"), "A-all").line(List.of("B-risk", "B-healthy"), "B-all")
                .line(List.of("T-risk", "T-healthy"), "T-all")
                .line(List.of("A-risk", "B-risk"), "T-risk").line(List.of("A-healthy", "B-healthy"), "T-healthy");
        Map<Object, Figure> shown = table.shown();
        assertThat(hidden(shown, "A-risk")).isTrue();
        assertThat(hidden(shown, "A-healthy")).isTrue();
        assertThat(hidden(shown, "B-risk")).isTrue();
        assertThat(hidden(shown, "B-healthy")).isTrue();
        assertThat(shown.get("T-risk").value()).isEqualTo(8.0);
        assertThat(shown.get("A-all").value()).isEqualTo(11.0);
        assertThat(shown.get("T-healthy").value()).isEqualTo(21.0);
    }
}
