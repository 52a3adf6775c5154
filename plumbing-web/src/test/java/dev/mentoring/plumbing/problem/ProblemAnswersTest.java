package dev.mentoring.plumbing.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;

/** A problem answer: its media type, and a 503 tells when to retry. */
class ProblemAnswersTest {

    private static Problem problem(int status) {
        return new Problem("about:blank", "t", status, "d", "/x", List.of());
    }

    @Test
    void a503TellsWhenToRetry() {
        var answer = ProblemResponses.answer(problem(503));
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo(ProblemResponses.RETRY_AFTER_SECONDS);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void otherAnswersDoNot() {
        assertThat(ProblemResponses.answer(problem(409)).getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(ProblemResponses.answer(problem(500)).getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
