package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.Joining;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.events.ProgramPublisher;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramEnrolment;
import dev.mentoring.matching.persistence.ProgramEnrolmentRepository;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Who is in a program. HR (the program's admins, a tenant-wide admin, the HR platform) enrols people by employee id in
 * bulk, idempotently; people apply (an admin approves or declines) or join an open program themselves; either takes a
 * person out again. A person is enrolled as mentor only with a mentor profile, as mentee only with a mentee profile. The
 * general program keeps no enrolments: everyone with the role is in it. Every change is published
 * ({@code enrolment.*}, keyed by the program), in the transaction that makes it; the program is share-locked meanwhile,
 * so that a program closing waits for the enrolments under way.
 */
@ApplicationScoped
public class Enrolments {

    /** Most people one bulk enrolment names. */
    public static final int MAX_BULK = 1000;

    /** One person HR enrols: their employee id and the role they take. */
    public record Enrol(String employeeId, MentoringRole role) {
    }

    /** What happened to one person of a bulk enrolment. */
    public enum Result {
        ENROLLED, ALREADY_ENROLLED, NOT_FOUND, INACTIVE, NOT_A_MENTOR, NOT_A_MENTEE
    }

    /** One person of a bulk enrolment and what happened; the enrolment's id when they are in. */
    public record Outcome(String employeeId, MentoringRole role, Result result, UUID enrolmentId, UUID participantId) {
    }

    /** An enrolment with the person it names (null when they were erased). */
    public record Listed(ProgramEnrolment enrolment, Participant person) {
    }

    private final ProgramEnrolmentRepository enrolments;
    private final ParticipantRepository participants;
    private final PartnershipRepository partnerships;
    private final MentorshipRequestRepository requests;
    private final ProgramAccess access;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    Enrolments(ProgramEnrolmentRepository enrolments, ParticipantRepository participants, PartnershipRepository partnerships,
            MentorshipRequestRepository requests, ProgramAccess access, Outbox outbox, Caller caller, Clock clock) {
        this.enrolments = enrolments;
        this.participants = participants;
        this.partnerships = partnerships;
        this.requests = requests;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * HR enrols people by employee id; each comes back with what happened (enrolled, already enrolled, not found...).
     * Sending the same list again changes nothing. An application waiting is approved by it.
     */
    @WithTransaction
    public Uni<List<Outcome>> enrol(UUID programId, List<Enrol> people) {
        String tenant = caller.tenant();
        if (people.size() > MAX_BULK) {
            throw ProblemException.badRequest("enrolments", "at most " + MAX_BULK + " people at a time");
        }
        // once per person and role, in the order sent
        Map<String, Enrol> distinct = new LinkedHashMap<>();
        people.forEach(p -> distinct.putIfAbsent(p.role() + ":" + p.employeeId(), p));
        // the program's row locked for the enrolment: enrolments and applications of one program queue, so two never make
        // the same person's row at once (the unique key would refuse one whole bulk)
        return access.runLockedForChange(tenant, programId).chain(program -> {
            ProgramAccess.notGeneral(program);
            program.state.takesPeople();
            return participants.findByEmployeeIds(tenant, distinct.values().stream().map(Enrol::employeeId).distinct().toList())
                    .chain(found -> {
                        Map<String, Participant> byEmployeeId = new HashMap<>();
                        found.forEach(p -> byEmployeeId.put(p.employeeId, p));
                        List<UUID> mentorIds = new ArrayList<>();
                        List<UUID> menteeIds = new ArrayList<>();
                        for (Enrol e : distinct.values()) {
                            Participant p = byEmployeeId.get(e.employeeId());
                            if (p != null) {
                                (e.role() == MentoringRole.MENTOR ? mentorIds : menteeIds).add(p.id);
                            }
                        }
                        return enrolments.ofPeopleLocked(programId, MentoringRole.MENTOR, mentorIds)
                                .chain(mentors -> enrolments.ofPeopleLocked(programId, MentoringRole.MENTEE, menteeIds).chain(mentees -> {
                                    Map<String, ProgramEnrolment> existing = new HashMap<>();
                                    mentors.forEach(e -> existing.put(e.role + ":" + e.participantId, e));
                                    mentees.forEach(e -> existing.put(e.role + ":" + e.participantId, e));
                                    return enrolAll(program, distinct.values(), byEmployeeId, existing);
                                }));
                    });
        });
    }

    private Uni<List<Outcome>> enrolAll(Program program, Iterable<Enrol> people, Map<String, Participant> byEmployeeId,
            Map<String, ProgramEnrolment> existing) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Outcome> outcomes = new ArrayList<>();
        List<ProgramEnrolment> created = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (Enrol e : people) {
            Participant p = byEmployeeId.get(e.employeeId());
            Result refused = refusal(p, e.role());
            if (refused != null) {
                outcomes.add(new Outcome(e.employeeId(), e.role(), refused, null, p == null || p.erasedAt != null ? null : p.id));
                continue;
            }
            ProgramEnrolment enrolment = existing.get(e.role() + ":" + p.id);
            if (enrolment != null && enrolment.state == EnrolmentState.ENROLLED) {
                outcomes.add(new Outcome(e.employeeId(), e.role(), Result.ALREADY_ENROLLED, enrolment.id, p.id));
                continue;
            }
            if (enrolment == null) {
                enrolment = newEnrolment(program, p.id, e.role(), now);
                created.add(enrolment);
            }
            enrolment.state = EnrolmentState.ENROLLED;
            enrolment.changedAt = now;
            events.add(ProgramPublisher.enrolment(enrolment, ProgramEvents.ENROLLED, ProgramEvents.BY_HR));
            outcomes.add(new Outcome(e.employeeId(), e.role(), Result.ENROLLED, enrolment.id, p.id));
        }
        Uni<Void> saved = created.isEmpty() ? Uni.createFrom().voidItem() : enrolments.persist(created);
        return saved.chain(() -> enrolments.flush()).chain(() -> outbox.appendAll(events)).replaceWith(outcomes);
    }

    /** Why a person cannot be enrolled in this role, or null when they can. */
    private static Result refusal(Participant p, MentoringRole role) {
        if (p == null || p.erasedAt != null) {
            return Result.NOT_FOUND;
        }
        if (!p.active) {
            return Result.INACTIVE;
        }
        if (role == MentoringRole.MENTOR && !p.mentor) {
            return Result.NOT_A_MENTOR;
        }
        if (role == MentoringRole.MENTEE && !p.mentee) {
            return Result.NOT_A_MENTEE;
        }
        return null;
    }

    private static ProgramEnrolment newEnrolment(Program program, UUID participantId, MentoringRole role, OffsetDateTime now) {
        ProgramEnrolment enrolment = new ProgramEnrolment();
        enrolment.id = UUID.randomUUID();
        enrolment.tenant = program.tenant;
        enrolment.programId = program.id;
        enrolment.participantId = participantId;
        enrolment.role = role;
        enrolment.createdAt = now;
        return enrolment;
    }

    /** One page of the program's enrolments by id, of one role and state or all, with their people; for its admins. */
    @WithSession
    public Uni<Page<Listed>> list(UUID programId, MentoringRole role, EnrolmentState state, PageRequest page) {
        String tenant = caller.tenant();
        return access.mayRun(tenant, programId)
                .chain(() -> enrolments.page(programId, role, state, page.afterId(), page.limit() + 1))
                .chain(rows -> participants.inTenant(tenant, rows.stream().map(e -> e.participantId).toList()).map(people -> {
                    Map<UUID, Participant> byId = new HashMap<>();
                    people.forEach(p -> byId.put(p.id, p));
                    return page.page(rows, e -> e.id.toString(), e -> new Listed(e, byId.get(e.participantId)));
                }));
    }

    /** HR approves an application: the person is enrolled. */
    @WithTransaction
    public Uni<Listed> approve(UUID programId, UUID enrolmentId) {
        return decide(programId, enrolmentId, EnrolmentState.ENROLLED, ProgramEvents.ENROLLED);
    }

    /** HR declines an application. */
    @WithTransaction
    public Uni<Listed> decline(UUID programId, UUID enrolmentId) {
        return decide(programId, enrolmentId, EnrolmentState.DECLINED, ProgramEvents.DECLINED);
    }

    private Uni<Listed> decide(UUID programId, UUID enrolmentId, EnrolmentState to, EventType<ProgramEvents.EnrolmentChanged> type) {
        String tenant = caller.tenant();
        return access.runLocked(tenant, programId).chain(program -> {
            if (to == EnrolmentState.ENROLLED) {
                program.state.takesPeople();
            }
            return lockedEnrolment(tenant, programId, enrolmentId).chain(enrolment -> {
                if (enrolment.state != EnrolmentState.APPLIED) {
                    throw new Conflict("The enrolment is " + enrolment.state.name().toLowerCase() + "; only an application is approved or declined");
                }
                if (to != EnrolmentState.ENROLLED) {
                    return change(enrolment, to, type, ProgramEvents.BY_HR);
                }
                // the person may have changed since they applied: deactivated, or without the profile of the role now
                return participants.inTenant(tenant, List.of(enrolment.participantId)).chain(people -> {
                    Result refused = refusal(people.isEmpty() ? null : people.get(0), enrolment.role);
                    if (refused != null) {
                        throw new Conflict("The applicant cannot be enrolled now: " + refused.name());
                    }
                    return change(enrolment, to, type, ProgramEvents.BY_HR);
                });
            });
        });
    }

    /** HR takes a person out of the program (refused while they have a running partnership or an open request in it). */
    @WithTransaction
    public Uni<Listed> remove(UUID programId, UUID enrolmentId) {
        String tenant = caller.tenant();
        return access.runLocked(tenant, programId).chain(program -> lockedEnrolment(tenant, programId, enrolmentId)
                .chain(enrolment -> leave(enrolment, ProgramEvents.BY_HR)));
    }

    /**
     * The caller applies to a program in a role (APPLY: waits for an admin; OPEN: enrolled at once; HR_ENROLS: 409).
     * Applying again while applied or enrolled changes nothing.
     */
    @WithTransaction
    public Uni<Listed> apply(UUID programId, MentoringRole role) {
        String tenant = caller.tenant();
        return access.visible(tenant, programId).chain(seen -> access.me(tenant).chain(me -> {
            if (me == null) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            Program program = seen.program();
            ProgramAccess.notGeneral(program);
            if (program.joining == Joining.HR_ENROLS) {
                throw new Conflict("HR enrols the people of this program; ask its admins");
            }
            Result refused = refusal(me, role);
            if (refused == Result.INACTIVE) {
                throw new ProblemException(403, "Forbidden", "Your profile is deactivated");
            }
            if (refused != null) {
                throw ProblemException.unprocessable("role", "you have no " + role.name().toLowerCase() + " profile");
            }
            return access.lockedForEnrolment(tenant, programId).chain(locked -> {
                locked.state.takesPeople();
                return enrolments.ofPeopleLocked(programId, role, List.of(me.id)).chain(found -> {
                    ProgramEnrolment enrolment = found.isEmpty() ? null : found.get(0);
                    if (enrolment != null && !enrolment.state.open()) {
                        return Uni.createFrom().item(new Listed(enrolment, me));
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    ProgramEnrolment changed = enrolment == null ? newEnrolment(locked, me.id, role, now) : enrolment;
                    boolean open = locked.joining == Joining.OPEN;
                    changed.state = open ? EnrolmentState.ENROLLED : EnrolmentState.APPLIED;
                    changed.changedAt = now;
                    return enrolments.persistAndFlush(changed)
                            .call(saved -> outbox.append(ProgramPublisher.enrolment(saved,
                                    open ? ProgramEvents.ENROLLED : ProgramEvents.APPLIED, ProgramEvents.BY_PERSON)))
                            .map(saved -> new Listed(saved, me));
                });
            });
        }));
    }

    /** The caller leaves a program in a role (refused while they have a running partnership or an open request in it). */
    @WithTransaction
    public Uni<Listed> leave(UUID programId, MentoringRole role) {
        String tenant = caller.tenant();
        return access.visible(tenant, programId).chain(seen -> access.me(tenant).chain(me -> {
            if (me == null) {
                throw ProblemException.notFound("Enrolment in program", programId);
            }
            return access.runLockedShare(tenant, programId).chain(program -> enrolments.ofPeopleLocked(programId, role, List.of(me.id)))
                    .chain(found -> {
                        if (found.isEmpty() || found.get(0).state.open()) {
                            throw ProblemException.notFound("Enrolment as " + role.name().toLowerCase() + " in program", programId);
                        }
                        return leave(found.get(0), ProgramEvents.BY_PERSON);
                    });
        }));
    }

    private Uni<Listed> leave(ProgramEnrolment enrolment, String by) {
        if (enrolment.state.open()) {
            throw new Conflict("The enrolment is " + enrolment.state.name().toLowerCase() + " already");
        }
        boolean asMentee = enrolment.role == MentoringRole.MENTEE;
        // requests first: an accept that commits in between turns its request into a partnership the second count sees
        return requests.openInProgramFor(enrolment.tenant, enrolment.programId, enrolment.participantId, asMentee)
                .chain(open -> partnerships.runningInProgramFor(enrolment.tenant, enrolment.programId, enrolment.participantId, asMentee)
                        .invoke(running -> {
                            if (running > 0 || open > 0) {
                                throw new Conflict("The person has " + running + " running partnerships and " + open
                                        + " open requests in this program as " + enrolment.role.name().toLowerCase()
                                        + "; end or answer them first");
                            }
                        }))
                .chain(() -> change(enrolment, EnrolmentState.LEFT, ProgramEvents.LEFT, by));
    }

    private Uni<Listed> change(ProgramEnrolment enrolment, EnrolmentState to, EventType<ProgramEvents.EnrolmentChanged> type, String by) {
        enrolment.state = to;
        enrolment.changedAt = OffsetDateTime.now(clock);
        return enrolments.persistAndFlush(enrolment)
                .call(saved -> outbox.append(ProgramPublisher.enrolment(saved, type, by)))
                .chain(saved -> participants.inTenant(saved.tenant, List.of(saved.participantId))
                        .map(people -> new Listed(saved, people.isEmpty() ? null : people.get(0))));
    }

    private Uni<ProgramEnrolment> lockedEnrolment(String tenant, UUID programId, UUID enrolmentId) {
        return enrolments.lockedInProgram(tenant, programId, enrolmentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Enrolment", enrolmentId));
    }

    /** The person left the organisation: every program they are in or applied to lets them go (by the platform). */
    Uni<Void> left(Participant person, OffsetDateTime now) {
        return enrolments.currentOfPersonLocked(person.tenant, person.id).chain(current -> {
            List<DomainEvent> events = new ArrayList<>();
            for (ProgramEnrolment enrolment : current) {
                enrolment.state = EnrolmentState.LEFT;
                enrolment.changedAt = now;
                events.add(ProgramPublisher.enrolment(enrolment, ProgramEvents.LEFT, ProgramEvents.BY_PLATFORM));
            }
            return enrolments.flush().chain(() -> outbox.appendAll(events)).replaceWithVoid();
        });
    }
}
