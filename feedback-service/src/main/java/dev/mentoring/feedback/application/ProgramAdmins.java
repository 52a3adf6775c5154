package dev.mentoring.feedback.application;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.ProgramCopy;
import dev.mentoring.feedback.persistence.ProgramCopyRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Which programs the caller reads as their admin: the token's {@code program-admin} role every program of the tenant
 * (and the partnerships from before programs); a person assigned to programs in matching-service (by the employee id of
 * their sign-in, learnt from {@code program.admin-assigned}) those programs and their partnerships, nothing else.
 * Anything outside the caller's programs is answered as if it did not exist (404), as in matching-service.
 */
@ApplicationScoped
public class ProgramAdmins {

    /** The programs the caller runs: all of the tenant's ({@code tenantWide}), or those listed. */
    public record Scope(boolean tenantWide, List<UUID> programs) {

        /** Whether the caller runs the program (a partnership from before programs is the general program's: tenant-wide only). */
        public boolean runs(UUID programId) {
            return tenantWide || programId != null && programs.contains(programId);
        }

        public boolean runs(PartnershipCopy partnership) {
            return runs(partnership.programId);
        }

        /** Whether the caller runs any program at all. */
        public boolean any() {
            return tenantWide || !programs.isEmpty();
        }
    }

    private final Caller caller;
    private final ProgramCopyRepository programs;

    ProgramAdmins(Caller caller, ProgramCopyRepository programs) {
        this.caller = caller;
        this.programs = programs;
    }

    /** The caller's programs, inside the caller's session; {@code tenantWideRoles} are the roles that read every program. */
    public Uni<Scope> scope(String... tenantWideRoles) {
        for (String role : tenantWideRoles) {
            if (caller.hasRole(role)) {
                return Uni.createFrom().item(new Scope(true, List.of()));
            }
        }
        return caller.employeeId().map(employeeId -> programs.runBy(caller.tenant(), employeeId).map(run -> new Scope(false, run)))
                .orElseGet(() -> Uni.createFrom().item(new Scope(false, List.of())));
    }

    /**
     * The tenant's program, inside the caller's session, if the caller runs it ({@code tenantWideRoles} run every one);
     * 404 otherwise, as if it did not exist.
     */
    public Uni<ProgramCopy> program(UUID programId, String... tenantWideRoles) {
        String tenant = caller.tenant();
        return scope(tenantWideRoles).chain(scope -> programs.inTenant(tenant, programId).map(program -> {
            if (program == null || !scope.runs(programId)) {
                throw ProblemException.notFound("program", programId);
            }
            return program;
        }));
    }

    /** {@link #scope} of a program admin, or 403 for a caller who runs no program. */
    public Uni<Scope> required(String doesWhat, String... tenantWideRoles) {
        return scope(tenantWideRoles).invoke(scope -> {
            if (!scope.any()) {
                throw new ProblemException(403, "Forbidden", "Only a program's admins " + doesWhat);
            }
        });
    }
}
