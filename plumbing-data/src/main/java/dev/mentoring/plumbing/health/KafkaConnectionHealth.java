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

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * The Kafka connection, for operators: the cluster answers who its brokers are within {@link #TIMEOUT}
 * ({@code /q/health/group/kafka}). <b>Not a readiness check</b>: a service serves its API while the broker is away
 * (writes wait in the outbox, consumers catch up), so a broker outage must not take every pod out of its Service,
 * which is what the load-and-faults run found when it did (a broker frozen 30 s answered a third of all requests 503).
 * In place of Quarkus' own check, which waits for the admin client's default minute and blocks a worker thread
 * meanwhile; this one answers DOWN after two seconds without holding any. It reads the same settings as the service's
 * Kafka clients ({@code kafka.*}, e.g. {@code KAFKA_BOOTSTRAP_SERVERS} and the SASL settings).
 */
@HealthGroup(KafkaConnectionHealth.GROUP)
@ApplicationScoped
public class KafkaConnectionHealth implements AsyncHealthCheck {

    /** The health group it answers in: {@code /q/health/group/kafka}. */
    public static final String GROUP = "kafka";
    /** The check's name, as Quarkus' own check was named. */
    static final String NAME = "Kafka connection health check";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Map<String, Object> settings;
    private volatile AdminClient admin;

    KafkaConnectionHealth(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                settings.put(key, value.toString());
            }
        });
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-health");
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
