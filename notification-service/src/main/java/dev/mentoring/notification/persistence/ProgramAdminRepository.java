package dev.mentoring.notification.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Who runs each program, by employee id, as matching-service announces it; and who of them has an inbox here. */
@ApplicationScoped
public class ProgramAdminRepository {

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** An assignment or unassignment; an older change than the one held is ignored. */
    public Uni<Integer> put(String tenant, UUID programId, String employeeId, boolean assigned, OffsetDateTime at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into program_admin_copy (tenant, program_id, employee_id, assigned, changed_at) values (?1, ?2, ?3, ?4, ?5)
                on conflict (tenant, program_id, employee_id) do update set assigned = excluded.assigned, changed_at = excluded.changed_at
                where program_admin_copy.changed_at <= excluded.changed_at""")
                .setParameter(1, tenant).setParameter(2, programId).setParameter(3, employeeId).setParameter(4, assigned)
                .setParameter(5, at).executeUpdate());
    }

    /** The participants (with a profile, so an inbox) who run the program now, in id order. */
    public Uni<List<UUID>> participantsRunning(String tenant, UUID programId) {
        return session().chain(s -> s.createNativeQuery("""
                select distinct p.id from program_admin_copy a join participant_copy p on p.tenant = a.tenant and p.employee_id = a.employee_id
                where a.tenant = ?1 and a.program_id = ?2 and a.assigned order by p.id""", UUID.class)
                .setParameter(1, tenant).setParameter(2, programId).getResultList());
    }
}
