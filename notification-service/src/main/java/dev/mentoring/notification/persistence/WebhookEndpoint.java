package dev.mentoring.notification.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A tenant's webhook endpoint: where the events of the types it asked for are sent, signed with its secret. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String tenant;

    @Column(nullable = false)
    public String url;

    /** Comma-separated event type names. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    public String description;

    @Column(nullable = false)
    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_until")
    public OffsetDateTime previousUntil;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "disabled_at")
    public OffsetDateTime disabledAt;

    @Column(name = "failing_since")
    public OffsetDateTime failingSince;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(nullable = false)
    public long version;

    public List<String> eventTypeList() {
        return Arrays.stream(eventTypes.split(",")).filter(t -> !t.isEmpty()).toList();
    }
}
