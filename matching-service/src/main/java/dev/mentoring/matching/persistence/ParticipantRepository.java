package dev.mentoring.matching.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Participants, always looked up within one tenant. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public Uni<Participant> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The participant again, their row locked until the transaction ends: concurrent accepts for one mentor queue here. */
    public Uni<Participant> lockedById(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Participant> findByEmployeeId(String tenant, String employeeId) {
        return find("tenant = ?1 and employeeId = ?2", tenant, employeeId).firstResult();
    }

    /**
     * The tenant's (not erased) participants SCIM knows by this userName in any letter case: their user_name, or for
     * one provisioned otherwise their employee id.
     */
    public Uni<List<Participant>> byScimUserName(String tenant, String userName) {
        return list("tenant = ?1 and lower(coalesce(userName, employeeId)) = lower(?2) and erasedAt is null", tenant, userName);
    }

    /** The tenant's (not erased) participants with this SCIM externalId. */
    public Uni<List<Participant>> byExternalId(String tenant, String externalId) {
        return list("tenant = ?1 and externalId = ?2 and erasedAt is null", tenant, externalId);
    }

    /** The tenant's (not erased) participants in SCIM's order (oldest first), from the 0-based offset. */
    public Uni<List<Participant>> scimPage(String tenant, int offset, int limit) {
        return find("tenant = ?1 and erasedAt is null order by createdAt, id", tenant).range(offset, offset + limit - 1).list();
    }

    /** All of the tenant's (not erased) participants in SCIM's order, for a filter tested on each. */
    public Uni<List<Participant>> scimAll(String tenant) {
        return list("tenant = ?1 and erasedAt is null order by createdAt, id", tenant);
    }

    public Uni<Long> scimCount(String tenant) {
        return count("tenant = ?1 and erasedAt is null", tenant);
    }

    /** Which of these ids are the tenant's (not erased) participants, without loading them. */
    public Uni<List<UUID>> idsInTenant(String tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                "select id from participant where tenant = ?1 and id = any(cast(?2 as uuid[])) and erased_at is null", UUID.class)
                .setParameter(1, tenant).setParameter(2, ids.toArray(UUID[]::new)).getResultList());
    }

    /** These of the tenant's (not erased) participants, their rows locked in id order until the transaction ends. */
    public Uni<List<Participant>> lockedInTenant(String tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("tenant = ?1 and id in ?2 and erasedAt is null order by id", tenant, ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** These of the tenant's (not erased) participants. */
    public Uni<List<Participant>> inTenant(String tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenant = ?1 and id in ?2 and erasedAt is null", tenant, ids);
    }

    public Uni<List<Participant>> findByEmployeeIds(String tenant, Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("tenant = ?1 and employeeId in ?2", tenant, employeeIds);
    }

    /** The tenant's active mentors, for recommendations and cohort runs. */
    public Uni<List<Participant>> activeMentors(String tenant) {
        return list("tenant = ?1 and mentor = true and active = true and erasedAt is null", tenant);
    }

    /** The tenant's active mentees who opted in to cohort matching. */
    public Uni<List<Participant>> optedInMentees(String tenant) {
        return list("tenant = ?1 and mentee = true and active = true and menteeOptedIn = true and erasedAt is null order by id",
                tenant);
    }

    /**
     * One page of the tenant's participants ordered by id, after {@code after}, filtered by role, skill name
     * and availability (a mentor accepting mentees with capacity).
     */
    public Uni<List<Participant>> page(String tenant, String role, String skill, Boolean available, UUID after, int limit) {
        String sql = """
                select * from participant
                where tenant = ?1 and erased_at is null
                  and (cast(?2 as text) is null or (?2 = 'mentor' and is_mentor) or (?2 = 'mentee' and is_mentee))
                  and (cast(?3 as text) is null or exists (select 1 from unnest(skills) s where split_part(s, ':', 1) = ?3))
                  and (cast(?4 as boolean) is null or (?4 = (is_mentor and active and mentor_accepting and mentor_capacity > 0)))
                  and (cast(?5 as uuid) is null or id > cast(?5 as uuid))
                order by id limit ?6""";
        return getSession().chain(session -> session.createNativeQuery(sql, Participant.class)
                .setParameter(1, tenant)
                .setParameter(2, role)
                .setParameter(3, skill)
                .setParameter(4, available)
                .setParameter(5, after)
                .setParameter(6, limit)
                .getResultList());
    }
}
