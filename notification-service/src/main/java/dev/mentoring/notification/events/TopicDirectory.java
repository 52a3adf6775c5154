package dev.mentoring.notification.events;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mentoring.plumbing.kafka.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Which tenant stream topics exist on the broker (those under {@code mentoring.tenant-streams.prefix}), listed with
 * the service's own Kafka connection and known for {@code mentoring.tenant-streams.refresh} (30 s): a tenant's stream
 * begins within that long after its topics are made (docs/events.md, "Each tenant's own stream").
 */
@ApplicationScoped
public class TopicDirectory {

    private final Vertx vertx;
    private final Properties connection;
    private final String prefix;
    private final long refreshNanos;
    private volatile Admin admin;
    private volatile Set<String> known = Set.of();
    private volatile long listedAt;

    TopicDirectory(Vertx vertx, Config config, @Identifier("default-kafka-broker") Instance<Map<String, Object>> broker,
            @ConfigProperty(name = "mentoring.tenant-streams.prefix", defaultValue = "tenant.") String prefix,
            @ConfigProperty(name = "mentoring.tenant-streams.refresh", defaultValue = "30s") Duration refresh) {
        this.vertx = vertx;
        this.connection = KafkaConnection.of(config, broker);
        this.prefix = prefix;
        this.refreshNanos = refresh.toNanos();
        this.listedAt = System.nanoTime() - refreshNanos;
    }

    /** Whether the topic exists, as last listed; lists again (off the event loop) when the list is older than the refresh. */
    public Uni<Boolean> exists(String topic) {
        if (System.nanoTime() - listedAt < refreshNanos) {
            return Uni.createFrom().item(known.contains(topic));
        }
        return vertx.executeBlocking(Uni.createFrom().item(this::list), false).map(topics -> topics.contains(topic));
    }

    private Set<String> list() {
        try {
            Set<String> names = admin().listTopics().names().get(10, TimeUnit.SECONDS);
            known = names.stream().filter(name -> name.startsWith(prefix)).collect(Collectors.toUnmodifiableSet());
            listedAt = System.nanoTime();
            return known;
        } catch (Exception e) {
            throw new IllegalStateException("the tenant stream topics could not be listed: " + e.getMessage(), e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties properties = new Properties();
                    properties.putAll(connection);
                    properties.put("client.id", "notification-service-topic-directory");
                    admin = Admin.create(properties);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
