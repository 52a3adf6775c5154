package dev.mentoring.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    private final PathTemplates templates = PathTemplates.of(Map.of(
            "/api/v1/matching", List.of("/participants/me", "/participants/{participantId}", "/participants/{participantId}/goals",
                    "/requests/{id}/accept", "/"),
            "/api/v1/sessions", List.of("/calendar-feeds/{secret}.ics", "/sessions/{sessionId}"),
            "/api/v1/sessions/admin", List.of("/tenants/{tenant}")));

    @Test
    void aPathIsNamedByTheTemplateItMatches() {
        assertThat(templates.templateOf("/api/v1/matching/participants/8f1c2f1e-aaaa-bbbb-cccc-000000000001"))
                .contains("/api/v1/matching/participants/{participantId}");
        assertThat(templates.templateOf("/api/v1/matching/participants/x/goals")).contains("/api/v1/matching/participants/{participantId}/goals");
        assertThat(templates.templateOf("/api/v1/matching/requests/42/accept/")).contains("/api/v1/matching/requests/{id}/accept");
        assertThat(templates.templateOf("/api/v1/sessions/calendar-feeds/s3cr3t.ics")).contains("/api/v1/sessions/calendar-feeds/{secret}.ics");
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        assertThat(templates.templateOf("/api/v1/matching/participants/me")).contains("/api/v1/matching/participants/me");
    }

    @Test
    void theLongestPrefixDecidesWhoseTemplatesApply() {
        assertThat(templates.templateOf("/api/v1/sessions/admin/tenants/acme")).contains("/api/v1/sessions/admin/tenants/{tenant}");
        assertThat(templates.templateOf("/api/v1/sessions/sessions/1")).contains("/api/v1/sessions/sessions/{sessionId}");
    }

    @Test
    void aServicesRootIsTheBarePrefix() {
        assertThat(templates.templateOf("/api/v1/matching")).contains("/api/v1/matching");
        assertThat(templates.templateOf("/api/v1/matching/")).contains("/api/v1/matching");
    }

    @Test
    void aPathNoTemplateMatchesIsEverythingBelowItsPrefix() {
        assertThat(templates.templateOf("/api/v1/matching/participants/1/2/3")).contains("/api/v1/matching/**");
        assertThat(templates.templateOf("/api/v1/sessions/calendar-feeds/s3cr3t")).contains("/api/v1/sessions/**");
        assertThat(templates.templateOf("/api/v1/matchingx/participants/1")).isEmpty();
        assertThat(templates.templateOf("/elsewhere")).isEmpty();
        assertThat(PathTemplates.prefixesOnly(List.of("/api/v1/feedback")).templateOf("/api/v1/feedback/a/b")).contains("/api/v1/feedback/**");
    }
}
