package dev.mentoring.plumbing.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mentoring.plumbing.problem.ProblemException;

class PageRequestTest {

    private static final List<String> ROWS = IntStream.rangeClosed(1, 7).mapToObj(i -> "row-" + i).toList();

    /** Rows after the cursor's key, at most limit + 1, as a repository would fetch them. */
    private static List<String> fetch(PageRequest request) {
        return ROWS.stream().filter(row -> request.after() == null || row.compareTo(request.after()) > 0)
                .limit(request.limit() + 1L).toList();
    }

    @Test
    void walksAListPageByPageWithoutRepeatsOrGaps() {
        PageRequest request = PageRequest.of(null, 3);
        Page<String> first = request.page(fetch(request), row -> row, row -> row);
        assertThat(first.items()).containsExactly("row-1", "row-2", "row-3");

        PageRequest second = PageRequest.of(first.nextCursor(), 3);
        Page<String> page2 = second.page(fetch(second), row -> row, row -> row);
        assertThat(page2.items()).containsExactly("row-4", "row-5", "row-6");

        PageRequest third = PageRequest.of(page2.nextCursor(), 3);
        Page<String> last = third.page(fetch(third), row -> row, row -> row);
        assertThat(last.items()).containsExactly("row-7");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    void defaultsAndLimits() {
        assertThat(PageRequest.of(null, (String) null).limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
        assertThat(PageRequest.of("", 200).limit()).isEqualTo(200);
        assertThatThrownBy(() -> PageRequest.of(null, 0)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("limit"));
        assertThatThrownBy(() -> PageRequest.of(null, 201)).isInstanceOf(ProblemException.class);
    }

    @Test
    void readsAnIdCursor() {
        java.util.UUID id = java.util.UUID.randomUUID();
        String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id.toString().getBytes());
        assertThat(PageRequest.of(cursor, 10).afterId()).isEqualTo(id);
        assertThat(PageRequest.of(null, 10).afterId()).isNull();
        String notAnId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("row-3".getBytes());
        assertThatThrownBy(() -> PageRequest.of(notAnId, 10).afterId()).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void refusesACursorItDidNotGiveOut() {
        assertThatThrownBy(() -> PageRequest.of("%%%not-base64", 10)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).errors().get(0).field()).isEqualTo("cursor"));
    }

    @Test
    void aLimitThatIsNoWholeNumberIs400NamingIt() {
        assertThatThrownBy(() -> PageRequest.of(null, "many")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("limit"));
        assertThat(PageRequest.of(null, " 7 ").limit()).isEqualTo(7);
        assertThat(PageRequest.of(null, "").limit()).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @Test
    void aSeveralPartKeyGoesThroughTheCursorAndBack() {
        String key = PageRequest.key("2026-12-01", null, "b3");
        PageRequest next = PageRequest.of(java.util.Base64.getUrlEncoder().encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 10);
        String joined = next.afterKey(3, parts -> parts[0] + "/" + parts[1] + "/" + parts[2]);
        assertThat(joined).isEqualTo("2026-12-01//b3");
        assertThatThrownBy(() -> next.afterKey(2, parts -> parts)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
        String[] none = PageRequest.of(null, 10).afterKey(2, parts -> parts);
        assertThat(none).isNull();
    }
}
