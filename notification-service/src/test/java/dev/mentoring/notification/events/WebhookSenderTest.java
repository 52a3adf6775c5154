package dev.mentoring.notification.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mentoring.notification.domain.AddressPolicy;
import io.vertx.core.Vertx;

/**
 * The address check at each delivery, with a name lookup the test controls: a host that resolves to a refused address
 * now (DNS rebinding after it was registered) is not connected to, whatever else it resolves to.
 */
class WebhookSenderTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static WebhookSender resolving(String... addresses) {
        return new WebhookSender(vertx, 2000, 2000, AddressPolicy.allowing(List.of()), host -> {
            List<InetAddress> found = new java.util.ArrayList<>();
            for (String address : addresses) {
                found.add(InetAddress.getByName(address));
            }
            return found;
        });
    }

    @Test
    void aHostThatResolvesToAPrivateAddressAtDeliveryIsNotConnectedTo() {
        WebhookSender.Outcome outcome = resolving("10.0.0.5").send(URI.create("https://hooks.example.com/x"), "id-1", 1, "v1,x", "{}")
                .await().atMost(Duration.ofSeconds(10));
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.status()).isNull();
        assertThat(outcome.error()).isEqualTo("refused: hooks.example.com resolves to a private address");
    }

    @Test
    void oneRefusedAddressAmongPublicOnesIsEnough() {
        WebhookSender sender = resolving("93.184.215.14", "169.254.169.254");
        assertThat(sender.send(URI.create("https://hooks.example.com/x"), "id-2", 1, "v1,x", "{}").await().atMost(Duration.ofSeconds(10)).error())
                .startsWith("refused: hooks.example.com resolves to a link-local address");
        assertThat(sender.refusal(URI.create("https://hooks.example.com/x")).await().atMost(Duration.ofSeconds(10))).isPresent();
        assertThat(resolving("93.184.215.14").refusal(URI.create("https://hooks.example.com/x")).await().atMost(Duration.ofSeconds(10)))
                .isEmpty();
    }
}
