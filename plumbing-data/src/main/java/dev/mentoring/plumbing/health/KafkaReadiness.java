package dev.mentoring.plumbing.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness of the Kafka connection: the cluster answers who its brokers are within {@link #TIMEOUT}. In place of
 * Quarkus' own check, which waits for the admin client's default minute and blocks a worker thread meanwhile: while the
 * broker is away every readiness probe (3 s timeout, every 10 s) would hold a thread for a minute. This one answers DOWN
 * after two seconds without holding any. It reads the same settings as the service's Kafka clients ({@code kafka.*},
 * e.g. {@code KAFKA_BOOTSTRAP_SERVERS} and the SASL settings).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements AsyncHealthCheck {

    /** The check's name, as Quarkus' own check was named. */
    static final String NAME = "Kafka connection health check";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Object> settings;
    private volatile AdminClient admin;

    KafkaReadiness(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value.toString());
            }
        });
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-readiness");
        this.settings = Map.copyOf(settings);
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom()
                .completionStage(() -> admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                        .nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named(NAME).up()
                        .withData("nodes", nodes.stream().map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(",")))
                        .build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", failure.getClass().getSimpleName() + ": " + failure.getMessage()).build());
    }

    private AdminClient admin() {
        AdminClient client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(settings);
                }
                client = admin;
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
