package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.persistence.TenantSettings;
import dev.mentoring.plumbing.problem.Problem;
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

    /** Each threshold's allowed range, named as the field is in the API; the upper bounds keep dates computable. */
    public static void check(View view) {
        if (view.evaluationIntervalMonths() != 6 && view.evaluationIntervalMonths() != 12) {
            throw ProblemException.unprocessable("evaluationIntervalMonths", "must be 6 or 12");
        }
        HealthRules.Thresholds t = view.thresholds();
        if (t == null) {
            throw ProblemException.badRequest("thresholds", "are required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        range(errors, "noAgreementDays", t.noAgreementDays(), 1, 365);
        range(errors, "cadenceFactor", t.cadenceFactor(), 1, 5);
        range(errors, "lateCancellations", t.lateCancellations(), 1, 50);
        range(errors, "lookbackDays", t.lookbackDays(), 7, 730);
        range(errors, "lowCommunication", t.lowCommunication(), 1, 5);
        range(errors, "recentSessions", t.recentSessions(), 1, 50);
        range(errors, "sessionsWithoutFeedback", t.sessionsWithoutFeedback(), 1, Math.max(1, t.recentSessions()));
        range(errors, "lowProgressPercent", t.lowProgressPercent(), 0, 100);
        range(errors, "lowRelationshipQuality", t.lowRelationshipQuality(), 1, 5);
        range(errors, "healthyFrom", t.healthyFrom(), 1, 100);
        range(errors, "needsAttentionFrom", t.needsAttentionFrom(), 0, Math.max(0, t.healthyFrom() - 1));
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(java.util.stream.Collectors.joining("; ")), errors);
        }
    }

    private static void range(List<Problem.FieldError> errors, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            errors.add(new Problem.FieldError("thresholds." + field, "must be between " + format(min) + " and " + format(max)));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
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
