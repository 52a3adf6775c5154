package dev.mentoring.notification.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** http webhooks are for a local receiver: a production run that allows them refuses to start. */
class WebhookHttpGuardTest {

    @Test
    void aProductionRunRefusesHttpWebhooks() {
        assertThatThrownBy(() -> Webhooks.refuseHttp(true, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mentoring.webhooks.allow-http");
        assertThatCode(() -> Webhooks.refuseHttp(false, false)).doesNotThrowAnyException();
        assertThatCode(() -> Webhooks.refuseHttp(true, true)).doesNotThrowAnyException();
    }
}
