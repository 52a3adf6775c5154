package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.matching.domain.EndReason;
import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.ProgramState;
import dev.mentoring.matching.events.ProgramPublisher;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramAdminRepository;
import dev.mentoring.matching.persistence.ProgramRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's programs: a program admin creates, edits and moves them (draft, enrolling, running, closed); closing one
 * ends its running partnerships ({@code PROGRAM_ENDED}) and withdraws its open requests in the same transaction, and
 * the other services follow the events (session-service cancels the future sessions, feedback-service opens the closing
 * evaluations, both people are told). Who may do what: {@link ProgramAccess}.
 */
@ApplicationScoped
public class Programs {

    /** A program as the caller sees it: with the ids of its admins for those who run it, and the caller's own enrolments. */
    public record Seen(Program program, boolean runs, List<String> admins, List<Mine> mine) {
    }

    /** One of the caller's own enrolments in a program. */
    public record Mine(UUID id, MentoringRole role, EnrolmentState state) {
    }

    private final ProgramRepository programs;
    private final ProgramAdminRepository admins;
    private final PartnershipRepository partnerships;
    private final MentorshipRequestRepository requests;
    private final ProgramAccess access;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    Programs(ProgramRepository programs, ProgramAdminRepository admins, PartnershipRepository partnerships,
            MentorshipRequestRepository requests, ProgramAccess access, Outbox outbox, Caller caller,
            Clock clock) {
        this.programs = programs;
        this.admins = admins;
        this.partnerships = partnerships;
        this.requests = requests;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** A tenant-wide admin or the HR platform creates a program, in DRAFT; publishes program.created. */
    @WithTransaction
    public Uni<Seen> create(ProgramRules.Description description) {
        String tenant = caller.tenant();
        access.tenantWide("creates programs");
        ProgramRules.Description d = ProgramRules.checked(description);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.tenant = tenant;
        program.general = false;
        program.state = ProgramState.DRAFT;
        program.createdAt = now;
        program.announcedAt = now;
        describe(program, d, now);
        // the general program first, so that a tenant whose first program is made here also has its general one
        return access.general(tenant)
                .chain(() -> programs.namedLike(tenant, d.name(), program.id)).invoke(ProgramAccess::nameFree)
                .chain(() -> programs.persistAndFlush(program))
                .call(saved -> outbox.append(ProgramPublisher.program(saved, ProgramEvents.CREATED, now)))
                .map(saved -> new Seen(saved, true, List.of(), List.of()));
    }

    /**
     * One page of programs by id, of one state or all: a tenant-wide admin and the HR platform get every one, anyone else
     * those they may see (the general program, those they are in or applied to, those they run, and those that enrol or
     * run and take applications or joiners), each with their own enrolments in it.
     */
    @WithTransaction
    public Uni<Page<Seen>> list(ProgramState state, PageRequest page) {
        String tenant = caller.tenant();
        UUID after = page.afterId();
        return access.general(tenant).chain(general -> {
            if (access.isTenantWide()) {
                return programs.page(tenant, state, null, after, page.limit() + 1)
                        .map(rows -> page.page(rows, p -> p.id.toString(), p -> new Seen(p, true, null, List.of())));
            }
            String employeeId = access.employeeId("sees programs");
            return access.me(tenant).chain(me -> programs.visibleTo(tenant, me == null ? null : me.id, employeeId)
                    .chain(ids -> admins.programsOf(tenant, employeeId).chain(run -> programs.page(tenant, state, ids, after,
                            page.limit() + 1)
                            .chain(rows -> access.mineIn(tenant, me).map(mine -> page.page(rows, p -> p.id.toString(),
                                    p -> new Seen(p, run.contains(p.id), null, mine.getOrDefault(p.id, List.of()))))))));
        });
    }

    /** One program the caller may see (404 otherwise), with its admins for those who run it. */
    @WithSession
    public Uni<Seen> get(UUID id) {
        String tenant = caller.tenant();
        return access.visible(tenant, id).chain(seen -> seen.runs()
                ? admins.adminsOf(tenant, id).map(list -> new Seen(seen.program(), true, list, seen.mine()))
                : Uni.createFrom().item(seen));
    }

    /** Those who run it edit a program that is not closed (the general program's description is the platform's). */
    @WithTransaction
    public Uni<Seen> update(UUID id, ProgramRules.Description description, String ifMatch) {
        String tenant = caller.tenant();
        ProgramRules.Description d = ProgramRules.checked(description);
        return access.runLockedForChange(tenant, id).chain(program -> {
            EntityTags.check(ifMatch, program.version, false, "Program " + id);
            ProgramAccess.notGeneral(program);
            program.state.editable();
            OffsetDateTime now = OffsetDateTime.now(clock);
            return programs.namedLike(tenant, d.name(), program.id).invoke(ProgramAccess::nameFree).chain(() -> {
                describe(program, d, now);
                return programs.persistAndFlush(program)
                        .call(saved -> outbox.append(ProgramPublisher.program(saved, ProgramEvents.UPDATED, now)))
                        .chain(saved -> admins.adminsOf(tenant, id).map(list -> new Seen(saved, true, list, List.of())));
            });
        });
    }

    /**
     * Those who run it move a program: open its enrolment, start it, close it. Closing ends its running partnerships
     * (reason PROGRAM_ENDED) and withdraws its open requests, each published, in the same transaction.
     */
    @WithTransaction
    public Uni<Seen> move(UUID id, ProgramState.Move move, String ifMatch) {
        String tenant = caller.tenant();
        return access.runLockedForChange(tenant, id).chain(program -> {
            EntityTags.check(ifMatch, program.version, false, "Program " + id);
            ProgramAccess.notGeneral(program);
            program.state = program.state.move(move);
            OffsetDateTime now = OffsetDateTime.now(clock);
            program.updatedAt = now;
            EventType<ProgramEvents.ProgramChanged> type = switch (move) {
                case OPEN_ENROLMENT -> ProgramEvents.ENROLMENT_OPENED;
                case START -> ProgramEvents.STARTED;
                case CLOSE -> ProgramEvents.CLOSED;
            };
            List<DomainEvent> events = new ArrayList<>();
            events.add(ProgramPublisher.program(program, type, now));
            Uni<Void> after = Uni.createFrom().voidItem();
            if (move == ProgramState.Move.CLOSE) {
                program.closedAt = now;
                after = closeDown(program, now, events);
            }
            return after.chain(() -> programs.persistAndFlush(program))
                    .call(() -> outbox.appendAll(events))
                    .chain(saved -> admins.adminsOf(tenant, id).map(list -> new Seen(saved, true, list, List.of())));
        });
    }

    /**
     * A closing program's open requests are withdrawn, then its running partnerships end; their events join {@code events}.
     * Requests first: an accept that holds a request's lock makes the partnership before the withdrawal sees the request
     * (no longer open), and the partnership query, a later statement, then sees that partnership and ends it.
     */
    private Uni<Void> closeDown(Program program, OffsetDateTime now, List<DomainEvent> events) {
        return requests.openInProgramLocked(program.tenant, program.id).chain(open -> {
            Leavers.withdrawAll(open, PartnershipEvents.PROGRAM_ENDED, now, events);
            return requests.flush();
        }).chain(() -> partnerships.runningInProgramLocked(program.tenant, program.id)).chain(running -> {
            Leavers.endAll(running, EndReason.PROGRAM_ENDED, now, events);
            return partnerships.flush();
        });
    }

    /** The employee ids of the people who run the program; for a tenant-wide admin or the HR platform. */
    @WithSession
    public Uni<List<String>> admins(UUID id) {
        String tenant = caller.tenant();
        access.tenantWide("sees who runs a program");
        return access.found(tenant, id).chain(program -> admins.adminsOf(tenant, id));
    }

    /** A tenant-wide admin or the HR platform makes a person (by employee id) an admin of the program; idempotent. */
    @WithTransaction
    public Uni<Boolean> assignAdmin(UUID id, String employeeId) {
        String tenant = caller.tenant();
        access.tenantWide("assigns program admins");
        return access.found(tenant, id).chain(program -> {
            ProgramAccess.notGeneral(program);
            OffsetDateTime now = OffsetDateTime.now(clock);
            return admins.assign(tenant, id, employeeId, now).call(n -> n == 0 ? Uni.createFrom().voidItem()
                    : outbox.append(ProgramPublisher.admin(tenant, id, employeeId, ProgramEvents.ADMIN_ASSIGNED, now))).map(n -> n > 0);
        });
    }

    /** A tenant-wide admin or the HR platform takes a person off running the program; 404 when they did not. */
    @WithTransaction
    public Uni<Void> unassignAdmin(UUID id, String employeeId) {
        String tenant = caller.tenant();
        access.tenantWide("assigns program admins");
        OffsetDateTime now = OffsetDateTime.now(clock);
        return access.found(tenant, id).chain(program -> admins.unassign(tenant, id, employeeId)).invoke(n -> {
            if (n == 0) {
                throw ProblemException.notFound("Program admin", employeeId);
            }
        }).chain(() -> outbox.append(ProgramPublisher.admin(tenant, id, employeeId, ProgramEvents.ADMIN_UNASSIGNED, now))).replaceWithVoid();
    }

    private static void describe(Program program, ProgramRules.Description d, OffsetDateTime now) {
        program.name = d.name();
        program.purpose = d.purpose();
        program.focusSkills = d.focusSkills().toArray(String[]::new);
        program.joining = d.joining();
        program.enrolmentOpensOn = d.enrolmentOpensOn();
        program.enrolmentClosesOn = d.enrolmentClosesOn();
        program.startsOn = d.startsOn();
        program.endsOn = d.endsOn();
        program.maxOpenRequests = d.maxOpenRequests();
        program.maxActiveMentors = d.maxActiveMentors();
        program.requestExpiryDays = d.requestExpiryDays();
        program.updatedAt = now;
    }
}
