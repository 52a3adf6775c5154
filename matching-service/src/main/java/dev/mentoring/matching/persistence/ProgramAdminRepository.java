package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Who runs which program: employee ids per program, always within one tenant. */
@ApplicationScoped
public class ProgramAdminRepository {

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** Whether the person runs the program. */
    public Uni<Boolean> runs(String tenant, UUID programId, String employeeId) {
        return session().chain(s -> s.createNativeQuery(
                "select count(*) from program_admin where tenant = ?1 and program_id = ?2 and employee_id = ?3", Long.class)
                .setParameter(1, tenant).setParameter(2, programId).setParameter(3, employeeId).getSingleResult())
                .map(n -> n > 0);
    }

    /** The programs the person runs. */
    public Uni<List<UUID>> programsOf(String tenant, String employeeId) {
        return session().chain(s -> s.createNativeQuery(
                "select program_id from program_admin where tenant = ?1 and employee_id = ?2", UUID.class)
                .setParameter(1, tenant).setParameter(2, employeeId).getResultList());
    }

    /** The employee ids of the program's admins, in order. */
    public Uni<List<String>> adminsOf(String tenant, UUID programId) {
        return session().chain(s -> s.createNativeQuery(
                "select employee_id from program_admin where tenant = ?1 and program_id = ?2 order by employee_id", String.class)
                .setParameter(1, tenant).setParameter(2, programId).getResultList());
    }

    /** Assigns the person to run the program; 1 when new, 0 when they ran it already. */
    public Uni<Integer> assign(String tenant, UUID programId, String employeeId, OffsetDateTime now) {
        return session().chain(s -> s.createNativeQuery("""
                insert into program_admin (program_id, tenant, employee_id, assigned_at) values (?1, ?2, ?3, ?4)
                on conflict do nothing""")
                .setParameter(1, programId).setParameter(2, tenant).setParameter(3, employeeId).setParameter(4, now).executeUpdate());
    }

    /** A leaver runs no program any more: every assignment of the employee id goes; answers the programs they ran. */
    public Uni<List<UUID>> unassignEverywhere(String tenant, String employeeId) {
        return session().chain(s -> s.createNativeQuery(
                "delete from program_admin where tenant = ?1 and employee_id = ?2 returning program_id", UUID.class)
                .setParameter(1, tenant).setParameter(2, employeeId).getResultList());
    }

    /** Takes the person off the program; 1 when they ran it, 0 when not. */
    public Uni<Integer> unassign(String tenant, UUID programId, String employeeId) {
        return session().chain(s -> s.createNativeQuery(
                "delete from program_admin where tenant = ?1 and program_id = ?2 and employee_id = ?3")
                .setParameter(1, tenant).setParameter(2, programId).setParameter(3, employeeId).executeUpdate());
    }
}
