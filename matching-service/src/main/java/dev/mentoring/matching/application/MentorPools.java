package dev.mentoring.matching.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mentoring.matching.domain.MatchRules;
import dev.mentoring.matching.persistence.MentorChanges;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProfileMapping;

/**
 * Each tenant's active mentors, prepared for scoring ({@link MatchRules.Prepared}), kept between recommendations so that
 * one recommendation scores 10,000 mentors without loading and preparing them again. Kept current by the database's
 * notifications ({@link MentorChanges}): a change to a participant of a tenant who is or was a mentor, committed by any
 * replica, forgets that tenant's pool here (a mentee's change, or another tenant's, leaves it); while the notifications
 * cannot be heard (the listening connection lost) nothing is kept.
 * Prepared against the start of the current hour (time-zone offsets change on whole hours), so a pool is prepared
 * again each hour. Bounded: at most {@code mentoring.recommendations.pooled-mentors} mentors over all tenants.
 */
@ApplicationScoped
public class MentorPools {

    /** One tenant's mentors, as loaded, by id, and prepared together in the same order. */
    public record Pool(long hour, List<Participant> mentors, Map<UUID, Participant> byId, MatchRules.PreparedMentors prepared) {
    }

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();
    /** Counts each tenant's changes heard: a pool loaded before one of its tenant's is not kept. */
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();
    /** Counts every loss and return of hearing: a pool loaded across one is not kept. */
    private final AtomicLong hearing = new AtomicLong();
    private final int maxMentors;
    private volatile boolean heard;

    MentorPools(@ConfigProperty(name = "mentoring.recommendations.pooled-mentors", defaultValue = "50000") int maxMentors,
            MentorChanges notifications) {
        this.maxMentors = maxMentors;
        this.heard = notifications.listening();
    }

    /** The hour a pool prepared at {@code at} belongs to. */
    static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    /** The tenant's pool if one is kept and still current; empty when the mentors must be loaded. */
    public Optional<Pool> current(String tenant, Instant at) {
        Pool pool = pools.get(tenant);
        return pool != null && heard && pool.hour() == hourOf(at).getEpochSecond() ? Optional.of(pool) : Optional.empty();
    }

    /** What {@link #keep} needs to know whether the tenant's mentors changed since: read before loading them. */
    public Changes changesSoFar(String tenant) {
        return new Changes(hearing.get(), changesOf(tenant).get());
    }

    /** How many changes were heard so far: of the tenant's mentors, and of hearing itself. */
    public record Changes(long hearing, long tenant) {
    }

    private AtomicLong changesOf(String tenant) {
        return changes.computeIfAbsent(tenant, t -> new AtomicLong());
    }

    private boolean unchangedSince(String tenant, Changes before) {
        return heard && hearing.get() == before.hearing() && changesOf(tenant).get() == before.tenant();
    }

    /** Prepares mentors just loaded, and keeps them when nothing changed since {@code changesBefore} and there is room. */
    public Pool keep(String tenant, Instant at, List<Participant> mentors, Changes changesBefore) {
        Instant hour = hourOf(at);
        MatchRules.PreparedMentors prepared = MatchRules.prepareMentors(mentors.stream().map(ProfileMapping::toMatching).toList(), hour);
        Map<UUID, Participant> byId = new HashMap<>(mentors.size() * 2);
        mentors.forEach(mentor -> byId.put(mentor.id, mentor));
        Pool pool = new Pool(hour.getEpochSecond(), mentors, Collections.unmodifiableMap(byId), prepared);
        if (unchangedSince(tenant, changesBefore) && room(tenant, mentors.size())) {
            pools.put(tenant, pool);
            if (!unchangedSince(tenant, changesBefore)) {
                pools.remove(tenant, pool); // a change was heard while it was put
            }
        }
        return pool;
    }

    /** How many tenants have a pool kept. */
    public int size() {
        return pools.size();
    }

    private boolean room(String tenant, int mentors) {
        int kept = pools.entrySet().stream().filter(e -> !e.getKey().equals(tenant)).mapToInt(e -> e.getValue().mentors().size()).sum();
        return kept + mentors <= maxMentors;
    }

    void changed(@Observes MentorChanges.Changed change) {
        changesOf(change.tenant()).incrementAndGet();
        pools.remove(change.tenant());
    }

    void unheard(@Observes MentorChanges.Unheard lost) {
        heard = false;
        hearing.incrementAndGet();
        pools.clear();
    }

    void heard(@Observes MentorChanges.Heard listening) {
        hearing.incrementAndGet();
        pools.clear();
        heard = true;
    }
}
