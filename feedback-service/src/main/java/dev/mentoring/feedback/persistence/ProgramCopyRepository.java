package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The copies of programs, of who runs each (by employee id), of who is enrolled in each and of the requests made in
 * each, from matching-service's events; and each program's own feedback settings.
 */
@ApplicationScoped
public class ProgramCopyRepository implements PanacheRepositoryBase<ProgramCopy, UUID> {

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** The tenant's program, or null. */
    public Uni<ProgramCopy> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The tenant's general program, or null while feedback-service has not heard of it. */
    public Uni<ProgramCopy> generalOf(String tenant) {
        return find("tenant = ?1 and general = true", tenant).firstResult();
    }

    /** The tenant's programs, by id. */
    public Uni<List<ProgramCopy>> ofTenant(String tenant) {
        return list("tenant = ?1 order by id", tenant);
    }

    /**
     * The person (by employee id) runs the program, or no longer does, as of {@code at}: an older change than the one the
     * copy holds (a replay of a dead letter, say) changes nothing.
     */
    public Uni<Integer> putAdmin(String tenant, UUID programId, String employeeId, boolean assigned, OffsetDateTime at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into program_admin_copy (tenant, program_id, employee_id, assigned, changed_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (tenant, program_id, employee_id) do update set assigned = excluded.assigned, changed_at = excluded.changed_at
                where program_admin_copy.changed_at <= excluded.changed_at""")
                .setParameter(1, tenant).setParameter(2, programId).setParameter(3, employeeId).setParameter(4, assigned)
                .setParameter(5, at).executeUpdate());
    }

    /** The programs the person (by employee id) runs. */
    public Uni<List<UUID>> runBy(String tenant, String employeeId) {
        return session().chain(s -> s.createNativeQuery(
                "select program_id from program_admin_copy where tenant = ?1 and employee_id = ?2 and assigned order by program_id",
                UUID.class)
                .setParameter(1, tenant).setParameter(2, employeeId).getResultList());
    }

    /** An enrolment as it is now (made or brought up to date; an older change than the copy's is ignored). */
    public Uni<Integer> putEnrolment(String tenant, UUID enrolmentId, UUID programId, UUID participantId, String role, String state,
            OffsetDateTime at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into enrolment_copy (id, tenant, program_id, participant_id, role, state, enrolled_at, changed_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, case when ?6 = 'ENROLLED' then cast(?7 as timestamptz) end, ?7)
                on conflict (id) do update set state = excluded.state, changed_at = excluded.changed_at,
                    enrolled_at = coalesce(enrolment_copy.enrolled_at, excluded.enrolled_at)
                where enrolment_copy.tenant = excluded.tenant and enrolment_copy.changed_at <= excluded.changed_at""")
                .setParameter(1, enrolmentId).setParameter(2, tenant).setParameter(3, programId).setParameter(4, participantId)
                .setParameter(5, role).setParameter(6, state).setParameter(7, at).executeUpdate());
    }

    /** A request made (once; the general program's when it names none and the tenant's general program is known). */
    public Uni<Integer> putRequest(String tenant, UUID requestId, UUID programId, UUID menteeId, OffsetDateTime at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into request_copy (id, tenant, program_id, mentee_id, requested_at)
                values (?1, ?2, coalesce(cast(?3 as uuid), (select id from program_copy where tenant = ?2 and general)), ?4, ?5)
                on conflict (id) do nothing""")
                .setParameter(1, requestId).setParameter(2, tenant).setParameter(3, programId).setParameter(4, menteeId)
                .setParameter(5, at).executeUpdate());
    }

    /** The program's own feedback settings, or null (it has the tenant's). */
    public Uni<ProgramSettingsRow> settingsOf(UUID programId) {
        return session().chain(s -> s.find(ProgramSettingsRow.class, programId));
    }

    public Uni<ProgramSettingsRow> persistSettings(ProgramSettingsRow row) {
        return session().chain(s -> s.merge(row)).call(merged -> session().chain(Mutiny.Session::flush));
    }

    public Uni<Void> deleteSettings(ProgramSettingsRow row) {
        return session().chain(s -> s.remove(row));
    }

    /** The program's own feedback settings, write-locked until the transaction ends, or null. */
    public Uni<ProgramSettingsRow> settingsForChange(UUID programId) {
        return session().chain(s -> s.find(ProgramSettingsRow.class, programId, LockModeType.PESSIMISTIC_WRITE));
    }
}
