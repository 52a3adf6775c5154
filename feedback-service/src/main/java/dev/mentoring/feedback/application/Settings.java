package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.TenantSettings;
import dev.mentoring.plumbing.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** A tenant's feedback settings: how often formal evaluations come, and the health thresholds. */
@ApplicationScoped
public class Settings {

    /** The settings as stored and shown; the defaults where a tenant set nothing. */
    public record View(int evaluationIntervalMonths, HealthRules.Thresholds thresholds) {
        public static final View DEFAULTS = new View(6, HealthRules.Thresholds.DEFAULTS);
    }

    private final ObjectMapper json;
    private final Clock clock;

    Settings(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Within the current session. */
    public Uni<View> of(String tenant) {
        return TenantSettings.<TenantSettings>findById(tenant).map(row -> {
            if (row == null) {
                return View.DEFAULTS;
            }
            try {
                return json.readValue(row.settings, View.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("tenant settings of " + tenant + " unreadable", e);
            }
        });
    }

    public static void check(View view) {
        if (view.evaluationIntervalMonths() != 6 && view.evaluationIntervalMonths() != 12) {
            throw ProblemException.unprocessable("evaluationIntervalMonths", "must be 6 or 12");
        }
        HealthRules.Thresholds t = view.thresholds();
        if (t == null) {
            throw ProblemException.badRequest("thresholds", "are required");
        }
        if (t.noAgreementDays() < 1 || t.cadenceFactor() < 1 || t.lateCancellations() < 1 || t.lookbackDays() < 7
                || t.lowCommunication() < 1 || t.lowCommunication() > 5 || t.recentSessions() < 1 || t.sessionsWithoutFeedback() < 1
                || t.lowProgressPercent() < 0 || t.lowProgressPercent() > 100 || t.lowRelationshipQuality() < 1
                || t.lowRelationshipQuality() > 5 || t.healthyFrom() > 100 || t.needsAttentionFrom() < 0
                || t.needsAttentionFrom() >= t.healthyFrom()) {
            throw ProblemException.unprocessable("thresholds", "out of range: see the API document for each threshold's range");
        }
    }

    /** Within the current transaction. */
    public Uni<View> save(String tenant, View view) {
        check(view);
        return TenantSettings.<TenantSettings>findById(tenant).chain(existing -> {
            TenantSettings row = existing != null ? existing : new TenantSettings();
            row.tenant = tenant;
            try {
                row.settings = json.writeValueAsString(view);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            row.updatedAt = OffsetDateTime.now(clock);
            return row.persist().replaceWith(view);
        });
    }
}
