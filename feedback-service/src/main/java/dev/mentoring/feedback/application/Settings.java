package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.FeedbackSettings;
import dev.mentoring.feedback.domain.SettingsRules;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.ProgramCopyRepository;
import dev.mentoring.feedback.persistence.TenantSettings;
import dev.mentoring.feedback.persistence.TenantSettingsRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's feedback settings: how often formal evaluations come, and the health thresholds. They carry a version (the
 * ETag): the defaults are version 1, and each save raises it; a save may name the version it replaces (If-Match). A
 * program may have its own ({@link ProgramSettings}); a partnership runs by its program's when it has them.
 */
@ApplicationScoped
public class Settings {

    /** The tenant's settings at a version. */
    public record Versioned(FeedbackSettings settings, long version) {
    }

    private final TenantSettingsRepository rows;
    private final ProgramCopyRepository programs;
    private final ObjectMapper json;
    private final Clock clock;

    Settings(TenantSettingsRepository rows, ProgramCopyRepository programs, ObjectMapper json, Clock clock) {
        this.programs = programs;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /** The tenant's settings, the defaults where it set nothing. */
    @WithSession
    public Uni<FeedbackSettings> of(String tenant) {
        return read(tenant).map(Versioned::settings);
    }

    /** The settings a partnership runs by: its program's own when it has them, else its tenant's. */
    @WithSession
    public Uni<FeedbackSettings> of(PartnershipCopy partnership) {
        if (partnership.programId == null) {
            return of(partnership.tenant);
        }
        return programs.settingsOf(partnership.programId).chain(own -> own != null && own.tenant.equals(partnership.tenant)
                ? Uni.createFrom().item(parse(own.settings, own.tenant)) : of(partnership.tenant));
    }

    /** The tenant's settings with their version: the defaults, at version 1, where it set nothing. */
    @WithSession
    public Uni<Versioned> read(String tenant) {
        return rows.of(tenant).map(this::versioned);
    }

    private Versioned versioned(TenantSettings row) {
        if (row == null) {
            return new Versioned(FeedbackSettings.DEFAULTS, TenantSettings.DEFAULTS_VERSION);
        }
        return new Versioned(parse(row.settings, row.tenant), row.version);
    }

    /** Settings as stored (JSON). */
    FeedbackSettings parse(String stored, String tenant) {
        try {
            return json.readValue(stored, FeedbackSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feedback settings of " + tenant + " unreadable", e);
        }
    }

    /** Settings to store (JSON). */
    String write(FeedbackSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the tenant's settings, if {@link SettingsRules} allows them, at the version {@code ifMatch} names when given
     * (a stale one is 412; without one the last save wins). The row is locked for the check and the write.
     */
    @WithTransaction
    public Uni<Versioned> save(String tenant, FeedbackSettings settings, String ifMatch) {
        SettingsRules.check(settings);
        return rows.forChange(tenant).chain(existing -> {
            EntityTags.check(ifMatch, existing == null ? TenantSettings.DEFAULTS_VERSION : existing.version, false, "the feedback settings");
            TenantSettings row = existing;
            if (row == null) {
                row = new TenantSettings();
                row.tenant = tenant;
                row.version = TenantSettings.DEFAULTS_VERSION + 1;
            }
            row.settings = write(settings);
            row.updatedAt = OffsetDateTime.now(clock);
            TenantSettings saved = row;
            return rows.persistAndFlush(saved).map(ignored -> new Versioned(settings, saved.version));
        });
    }
}
