package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramAdminRepository;
import dev.mentoring.matching.persistence.ProgramEnrolmentRepository;
import dev.mentoring.matching.persistence.ProgramRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Who may do what with a program. The tenant-wide admins are the token's role {@code program-admin} and the HR
 * platform ({@code integration}): they create programs, assign their admins and run every one. A program's own admins
 * are people assigned to it by employee id ({@code program_admin}): they run that program only. Everyone else sees the
 * programs open to them (the general one, those they are in, those enrolling or running that take applications or
 * joiners); another tenant's program, or one the caller may not see, is 404 as if it did not exist, and a program the
 * caller sees but does not run is 403 for what only its admins do.
 */
@ApplicationScoped
class ProgramAccess {

    private final ProgramRepository programs;
    private final ProgramAdminRepository admins;
    private final ParticipantRepository participants;
    private final ProgramEnrolmentRepository enrolments;
    private final Caller caller;
    private final Clock clock;

    ProgramAccess(ProgramRepository programs, ProgramAdminRepository admins, ParticipantRepository participants,
            ProgramEnrolmentRepository enrolments, Caller caller, Clock clock) {
        this.programs = programs;
        this.admins = admins;
        this.participants = participants;
        this.enrolments = enrolments;
        this.caller = caller;
        this.clock = clock;
    }

    /** Whether the caller runs every program of the tenant: a program-admin, or the HR platform. */
    boolean isTenantWide() {
        return caller.hasRole("program-admin") || caller.hasRole("integration");
    }

    /** 403 unless the caller runs every program of the tenant. */
    void tenantWide(String doesWhat) {
        if (!isTenantWide()) {
            throw new ProblemException(403, "Forbidden", "Only a tenant-wide program admin or the HR platform " + doesWhat);
        }
    }

    /** The caller's employee id, or 403: only a person does this. */
    String employeeId(String doesWhat) {
        return caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) " + doesWhat));
    }

    /** The caller's participant record, or null when they have none (an admin needs no profile). */
    Uni<Participant> me(String tenant) {
        return participants.findByEmployeeId(tenant, employeeId("sees programs"))
                .map(p -> p == null || p.erasedAt != null ? null : p);
    }

    /** The tenant's general program, made the first time it is needed. */
    Uni<Program> general(String tenant) {
        return programs.generalOf(tenant).chain(found -> found != null ? Uni.createFrom().item(found)
                : programs.ensureGeneral(tenant, UUID.randomUUID(), OffsetDateTime.now(clock)).chain(() -> programs.generalOf(tenant)));
    }

    /** The person's own enrolments (none for an admin without a profile), by program. */
    Uni<Map<UUID, List<Programs.Mine>>> mineIn(String tenant, Participant me) {
        if (me == null) {
            return Uni.createFrom().item(Map.of());
        }
        return enrolments.ofPerson(tenant, me.id).map(rows -> rows.stream().collect(Collectors.groupingBy(e -> e.programId,
                Collectors.mapping(e -> new Programs.Mine(e.id, e.role, e.state), Collectors.toList()))));
    }

    /** The program of the tenant, or 404; for callers already known to run every program. */
    Uni<Program> found(String tenant, UUID id) {
        return programs.findInTenant(tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Program", id));
    }

    /** The program as the caller may see it, or 404. */
    Uni<Programs.Seen> visible(String tenant, UUID id) {
        if (isTenantWide()) {
            return found(tenant, id).map(program -> new Programs.Seen(program, true, null, List.of()));
        }
        String employeeId = employeeId("sees programs");
        return me(tenant).chain(me -> programs.visibleTo(tenant, me == null ? null : me.id, employeeId).chain(ids -> {
            if (!ids.contains(id)) {
                throw ProblemException.notFound("Program", id);
            }
            return found(tenant, id).chain(program -> admins.runs(tenant, id, employeeId)
                    .chain(runs -> mineIn(tenant, me)
                            .map(mine -> new Programs.Seen(program, runs, null, mine.getOrDefault(id, List.of())))));
        }));
    }

    /** The program, row-locked for a change of itself, when the caller runs it (403 when they only see it, else 404). */
    Uni<Program> runLockedForChange(String tenant, UUID id) {
        return mayRun(tenant, id).chain(() -> programs.lockedForChange(tenant, id));
    }

    /**
     * The program, share-locked (its move waits for the enrolment changes under way, and they for it), when the caller
     * runs it (403 when they only see it, else 404).
     */
    Uni<Program> runLocked(String tenant, UUID id) {
        return mayRun(tenant, id).chain(() -> programs.lockedInTenant(tenant, id));
    }

    /**
     * The program a request is made in: the one named (422 when the tenant has none of that id), or the general program.
     * A program other than the general one is share-locked: a program closing waits for the requests under way, and they
     * for it.
     */
    Uni<Program> forRequest(String tenant, UUID programId) {
        if (programId == null) {
            return general(tenant);
        }
        return programs.lockedInTenant(tenant, programId).map(program -> {
            if (program == null) {
                throw ProblemException.unprocessable("programId", "is not a program of your organisation");
            }
            return program;
        });
    }

    /** The program row-locked for a person's own application: enrolments of one program queue on it. */
    Uni<Program> lockedForEnrolment(String tenant, UUID id) {
        return programs.lockedForChange(tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Program", id));
    }

    /** The caller's participant record when the caller is a person (null for a machine client, or a person without one). */
    Uni<Participant> meIfPerson(String tenant) {
        return caller.employeeId().isPresent() ? me(tenant) : Uni.createFrom().nullItem();
    }

    /** The program share-locked, for a person's own enrolment change (its visibility checked before). */
    Uni<Program> runLockedShare(String tenant, UUID id) {
        return programs.lockedInTenant(tenant, id).onItem().ifNull().failWith(() -> ProblemException.notFound("Program", id));
    }

    /** Passes when the caller runs the program; 403 when they only see it, 404 when it is none of theirs. */
    Uni<Void> mayRun(String tenant, UUID id) {
        if (isTenantWide()) {
            return found(tenant, id).replaceWithVoid();
        }
        String employeeId = employeeId("runs programs");
        return admins.runs(tenant, id, employeeId).chain(runs -> runs ? Uni.createFrom().voidItem()
                : visible(tenant, id).invoke(seen -> {
                    throw new ProblemException(403, "Forbidden", "Only the program's admins do this");
                }).replaceWithVoid());
    }

    /** The general program has no description, moves, admins or enrolments of its own: 409. */
    static void notGeneral(Program program) {
        if (program.general) {
            throw ProblemException.conflict("The general program is everyone's: everyone with a mentoring role is in it, "
                    + "its limits are the tenant's settings, and it has no moves, admins or enrolments of its own");
        }
    }

    /** Two programs of a tenant never share a name, in any letter case: 409. */
    static void nameFree(long others) {
        if (others > 0) {
            throw ProblemException.conflict("Another program of your organisation has this name");
        }
    }
}
