package dev.mentoring.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

import dev.mentoring.notification.domain.WebhookRules;
import dev.mentoring.plumbing.rules.RuleViolation;

/** The signature checked by the Standard Webhooks reference library, and the retry schedule's jitter. */
class WebhookRulesTest {

    @Test
    void eachSecretsSignatureVerifiesWithTheReferenceLibrary() throws Exception {
        String current = WebhookRules.newSecret();
        String previous = WebhookRules.newSecret();
        String body = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"x\":\"æøå\"}}";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookRules.signature("msg-1", now, body, List.of(current, previous));
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg-1"), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature));
        new Webhook(current).verify(body, headers);
        new Webhook(previous).verify(body, headers);
        assertThat(signature.split(" ")[0]).isEqualTo(new Webhook(current).sign("msg-1", now, body));
        assertThatThrownBy(() -> new Webhook(WebhookRules.newSecret()).verify(body, headers)).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> new Webhook(current).verify(body + " ", headers)).isInstanceOf(Exception.class);
    }

    @Test
    void retriesFollowTheScheduleGiveOrTakeAFifthThenStop() {
        List<Duration> schedule = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5));
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(WebhookRules.retryAfter(schedule, 1, random)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
            assertThat(WebhookRules.retryAfter(schedule, 2, random)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(6));
        }
        assertThat(WebhookRules.retryAfter(schedule, 3, random)).isNull();
    }

    @Test
    void onlyHttpsUnlessAllowedAndNoCredentials() {
        assertThat(WebhookRules.url("https://hooks.example.com/a?b=1", false).toString()).isEqualTo("https://hooks.example.com/a?b=1");
        assertThatThrownBy(() -> WebhookRules.url("http://hooks.example.com/a", false)).isInstanceOf(RuleViolation.class)
                .hasMessage("url: must be an https URL");
        assertThat(WebhookRules.url("http://127.0.0.1:9000/a", true).getPort()).isEqualTo(9000);
        assertThatThrownBy(() -> WebhookRules.url("https://a:b@hooks.example.com/", true)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> WebhookRules.url("https:///path", true)).isInstanceOf(RuleViolation.class);
    }
}
