package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Weights;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A tenant's matching weights; absent means the defaults (version 0). */
@Entity
@Table(name = "tenant_matching_settings")
public class TenantMatchingSettings extends PanacheEntityBase {

    @Id
    public String tenant;

    @Column(name = "weight_skills", nullable = false)
    public int skills;

    @Column(name = "weight_goals_expertise", nullable = false)
    public int goalsExpertise;

    @Column(name = "weight_industry", nullable = false)
    public int industry;

    @Column(name = "weight_experience_gap", nullable = false)
    public int experienceGap;

    @Column(name = "weight_styles", nullable = false)
    public int styles;

    @Column(name = "weight_language", nullable = false)
    public int language;

    @Column(name = "weight_time_zone", nullable = false)
    public int timeZone;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by every change (1 from the first); the ETag of the weights. The defaults, with no row, are version 0. */
    @Column(nullable = false)
    public long version;

    public Weights weights() {
        Map<Criterion, Integer> map = new EnumMap<>(Criterion.class);
        map.put(Criterion.SKILLS, skills);
        map.put(Criterion.GOALS_EXPERTISE, goalsExpertise);
        map.put(Criterion.INDUSTRY, industry);
        map.put(Criterion.EXPERIENCE_GAP, experienceGap);
        map.put(Criterion.STYLES, styles);
        map.put(Criterion.LANGUAGE, language);
        map.put(Criterion.TIME_ZONE, timeZone);
        return new Weights(map);
    }

    public void set(Weights weights) {
        skills = weights.of(Criterion.SKILLS);
        goalsExpertise = weights.of(Criterion.GOALS_EXPERTISE);
        industry = weights.of(Criterion.INDUSTRY);
        experienceGap = weights.of(Criterion.EXPERIENCE_GAP);
        styles = weights.of(Criterion.STYLES);
        language = weights.of(Criterion.LANGUAGE);
        timeZone = weights.of(Criterion.TIME_ZONE);
    }
}
