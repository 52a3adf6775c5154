package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Sessions: single ones and the occurrences of series, and the reminders claimed on them. */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<MentoringSession, UUID> {

    /** The tenant's session, or null. */
    public Uni<MentoringSession> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The tenant's session, write-locked until the transaction ends (its state and version are the latest), or null. */
    public Uni<MentoringSession> inTenantForChange(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The session, write-locked until the transaction ends: a cancel committed meanwhile is seen. */
    public Uni<MentoringSession> lockedForChange(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The partnership's scheduled sessions that have not started by {@code now}. */
    public Uni<List<MentoringSession>> scheduledAfter(String tenant, UUID partnershipId, OffsetDateTime now) {
        return list("tenant = ?1 and partnershipId = ?2 and state = ?3 and startsAt > ?4", tenant, partnershipId,
                SessionEnums.State.SCHEDULED, now);
    }

    /** The occurrence and the following ones of its series that are still scheduled, in the series' order. */
    public Uni<List<MentoringSession>> scheduledFrom(UUID seriesId, OffsetDateTime recurrenceId) {
        return list("seriesId = ?1 and recurrenceId >= ?2 and state = ?3 order by recurrenceId", seriesId, recurrenceId,
                SessionEnums.State.SCHEDULED);
    }

    /** Whether the session is one of the partnership's. */
    public Uni<Boolean> isOfPartnership(UUID sessionId, UUID partnershipId) {
        return count("id = ?1 and partnershipId = ?2", sessionId, partnershipId).map(n -> n > 0);
    }

    /** A participant's sessions (with either role) that end from {@code from} on, by start. */
    public Uni<List<MentoringSession>> ofParticipantEndingFrom(String tenant, UUID participant, OffsetDateTime from) {
        return list("tenant = ?1 and (menteeId = ?2 or mentorId = ?2) and endsAt >= ?3 order by startsAt", tenant, participant, from);
    }

    /** Every occurrence of the series, in their order. */
    public Uni<List<MentoringSession>> ofSeries(List<UUID> seriesIds) {
        return seriesIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("seriesId in ?1 order by recurrenceId", seriesIds);
    }

    /**
     * A page of a participant's sessions starting in [from, to), by start then id, after the given session's place:
     * up to {@code limit} + 1 rows, the last only telling that another page follows.
     */
    public Uni<List<MentoringSession>> ofParticipant(String tenant, UUID participant, OffsetDateTime from, OffsetDateTime to,
            OffsetDateTime afterStart, UUID afterId, int limit) {
        return page("tenant = ?1 and (menteeId = ?2 or mentorId = ?2) and startsAt >= ?3 and startsAt < ?4",
                List.of(tenant, participant, from, to), afterStart, afterId, limit);
    }

    /** A page of a partnership's sessions, as {@link #ofParticipant}. */
    public Uni<List<MentoringSession>> ofPartnership(String tenant, UUID partnershipId, OffsetDateTime from, OffsetDateTime to,
            OffsetDateTime afterStart, UUID afterId, int limit) {
        return page("tenant = ?1 and partnershipId = ?2 and startsAt >= ?3 and startsAt < ?4",
                List.of(tenant, partnershipId, from, to), afterStart, afterId, limit);
    }

    /** A page of all the tenant's sessions, as {@link #ofParticipant}. */
    public Uni<List<MentoringSession>> ofTenant(String tenant, OffsetDateTime from, OffsetDateTime to, OffsetDateTime afterStart,
            UUID afterId, int limit) {
        return page("tenant = ?1 and startsAt >= ?2 and startsAt < ?3", List.of(tenant, from, to), afterStart, afterId, limit);
    }

    private Uni<List<MentoringSession>> page(String where, List<Object> params, OffsetDateTime afterStart, UUID afterId, int limit) {
        List<Object> all = new ArrayList<>(params);
        String query = where;
        if (afterStart != null) {
            query += " and (startsAt > ?" + (all.size() + 1) + " or (startsAt = ?" + (all.size() + 1) + " and id > ?" + (all.size() + 2) + "))";
            all.add(afterStart);
            all.add(afterId);
        }
        return find(query + " order by startsAt, id", all.toArray()).range(0, limit).list();
    }

    /**
     * Claims the occurrences whose 1-hour reminder is due (FOR UPDATE SKIP LOCKED, at most 500) and marks it sent, and
     * the 24-hour one with it: that one would come too late to be useful.
     */
    public Uni<List<DueReminder>> claimHourReminders(OffsetDateTime now) {
        return claim("reminder_hour_sent_at", ", reminder_day_sent_at = coalesce(reminder_day_sent_at, ?1)", "interval '1 hour'", "", now);
    }

    /**
     * Claims the occurrences whose 24-hour reminder is due (FOR UPDATE SKIP LOCKED, at most 500) and marks it sent; never
     * one whose 1-hour reminder is due as well. That one is left to {@link #claimHourReminders}, even when it committed
     * after a pass's hour claim and before its day claim (each statement sees what has committed by then).
     */
    public Uni<List<DueReminder>> claimDayReminders(OffsetDateTime now) {
        return claim("reminder_day_sent_at", "", "interval '24 hours'", " and starts_at - interval '1 hour' > ?1", now);
    }

    private Uni<List<DueReminder>> claim(String column, String alsoSet, String lead, String unless, OffsetDateTime now) {
        return getSession().chain(session -> session.createNativeQuery("""
                update mentoring_session set %s = ?1%s
                where id in (select id from mentoring_session
                             where state = 'SCHEDULED' and %s is null and starts_at > ?1 and starts_at - %s <= ?1%s
                             order by starts_at limit 500 for update skip locked)
                returning cast(id as text), tenant, cast(partnership_id as text), cast(mentee_id as text),
                          cast(mentor_id as text), to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), time_zone""".formatted(column, alsoSet, column, lead, unless),
                Object[].class).setParameter(1, now).getResultList())
                .map(rows -> rows.stream().map(row -> new DueReminder((String) row[1], UUID.fromString((String) row[0]),
                        UUID.fromString((String) row[2]), UUID.fromString((String) row[3]), UUID.fromString((String) row[4]),
                        OffsetDateTime.parse((String) row[5]), (String) row[6])).toList());
    }
}
