package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.matching.domain.Joining;
import dev.mentoring.matching.domain.ProgramState;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Programs, always within one tenant. */
@ApplicationScoped
public class ProgramRepository implements PanacheRepositoryBase<Program, UUID> {

    public Uni<Program> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The program, row-locked until the transaction ends (moves, enrolments and requests of one program queue here). */
    public Uni<Program> lockedInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_READ).firstResult();
    }

    /** The program, row-locked for a change of the program itself (a move, an edit). */
    public Uni<Program> lockedForChange(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** The tenant's general program, if it has one yet. */
    public Uni<Program> generalOf(String tenant) {
        return find("tenant = ?1 and general = true", tenant).firstResult();
    }

    /**
     * Makes the tenant's general program if it has none (two instances at once make one: the unique index decides and
     * the loser's insert does nothing).
     */
    public Uni<Integer> ensureGeneral(String tenant, UUID id, OffsetDateTime now) {
        return getSession().chain(session -> session.createNativeQuery("""
                insert into program (id, tenant, name, general, joining, state, focus_skills, created_at, updated_at)
                values (?1, ?2, 'General', true, 'OPEN', 'RUNNING', '{}', ?3, ?3)
                on conflict do nothing""")
                .setParameter(1, id).setParameter(2, tenant).setParameter(3, now).executeUpdate());
    }

    /**
     * Marks up to {@code batch} general programs not yet announced as announced, over rows claimed {@code FOR UPDATE SKIP
     * LOCKED} (each once however many instances pass at the same time); answers them as they are (not attached to the
     * session), for their {@code program.created}.
     */
    public Uni<List<Program>> announceGenerals(OffsetDateTime now, int batch) {
        return getSession().chain(session -> session.createNativeQuery("""
                update program set announced_at = ?1
                where id in (select id from program where general and announced_at is null limit ?2 for update skip locked)
                returning id, tenant, joining, state, created_at""", Object[].class)
                .setParameter(1, now).setParameter(2, batch).getResultList())
                .map(rows -> rows.stream().map(row -> {
                    Program general = new Program();
                    general.id = (UUID) row[0];
                    general.tenant = (String) row[1];
                    general.general = true;
                    general.joining = Joining.valueOf((String) row[2]);
                    general.state = ProgramState.valueOf((String) row[3]);
                    general.createdAt = (OffsetDateTime) row[4];
                    general.focusSkills = new String[0];
                    return general;
                }).toList());
    }

    /** Whether another program of the tenant has this name, in any letter case. */
    public Uni<Long> namedLike(String tenant, String name, UUID except) {
        return count("tenant = ?1 and lower(name) = lower(?2) and id <> ?3", tenant, name, except);
    }

    /** One page of the tenant's programs by id, of one state or all: every one, or those with the given ids. */
    public Uni<List<Program>> page(String tenant, ProgramState state, List<UUID> only, UUID after, int limit) {
        StringBuilder query = new StringBuilder("tenant = :tenant");
        var parameters = io.quarkus.panache.common.Parameters.with("tenant", tenant);
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (only != null) {
            if (only.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            query.append(" and id in :only");
            parameters.and("only", only);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query + " order by id", parameters).page(0, limit).list();
    }

    /**
     * The ids of the programs a person may see: the general program, those they are enrolled in or applied to (in any
     * state), those that enrol or run and take applications or joiners, and those they run as an admin.
     */
    public Uni<List<UUID>> visibleTo(String tenant, UUID participantId, String employeeId) {
        return getSession().chain(session -> session.createNativeQuery("""
                select p.id from program p
                where p.tenant = ?1 and (p.general
                   or (p.state in ('ENROLLING', 'RUNNING') and p.joining in ('APPLY', 'OPEN'))
                   or exists (select 1 from program_enrolment e where e.program_id = p.id and e.participant_id = ?2)
                   or exists (select 1 from program_admin a where a.program_id = p.id and a.employee_id = ?3))""", UUID.class)
                .setParameter(1, tenant).setParameter(2, participantId).setParameter(3, employeeId).getResultList());
    }
}
