package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.FeedbackSettings;
import dev.mentoring.feedback.domain.SettingsRules;
import dev.mentoring.feedback.persistence.TenantSettings;
import dev.mentoring.feedback.persistence.TenantSettingsRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A tenant's feedback settings: how often formal evaluations come, and the health thresholds. */
@ApplicationScoped
public class Settings {

    private final TenantSettingsRepository rows;
    private final ObjectMapper json;
    private final Clock clock;

    Settings(TenantSettingsRepository rows, ObjectMapper json, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /** The tenant's settings, the defaults where it set nothing. */
    @WithSession
    public Uni<FeedbackSettings> of(String tenant) {
        return rows.findById(tenant).map(row -> {
            if (row == null) {
                return FeedbackSettings.DEFAULTS;
            }
            try {
                return json.readValue(row.settings, FeedbackSettings.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("tenant settings of " + tenant + " unreadable", e);
            }
        });
    }

    /** Sets the tenant's settings, if {@link SettingsRules} allows them. */
    @WithTransaction
    public Uni<FeedbackSettings> save(String tenant, FeedbackSettings settings) {
        SettingsRules.check(settings);
        return rows.findById(tenant).chain(existing -> {
            TenantSettings row = existing != null ? existing : new TenantSettings();
            row.tenant = tenant;
            try {
                row.settings = json.writeValueAsString(settings);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            row.updatedAt = OffsetDateTime.now(clock);
            return rows.persist(row).replaceWith(settings);
        });
    }
}
