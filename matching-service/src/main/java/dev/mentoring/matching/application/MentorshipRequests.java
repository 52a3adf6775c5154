package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.config.MatchingConfig;
import dev.mentoring.matching.domain.DeclineReason;
import dev.mentoring.matching.domain.FreeText;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.matching.domain.RequestRules;
import dev.mentoring.matching.domain.RequestState;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.PairPage;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramEnrolmentRepository;
import dev.mentoring.matching.persistence.ProgramRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Mentorship requests: a mentee asks, the mentor accepts or declines, the mentee may withdraw. Accepting
 * locks the mentor's row, so concurrent accepts for the last place serialise and exactly one wins.
 * Requests and partnerships of others answer 404, as if they did not exist.
 */
@ApplicationScoped
public class MentorshipRequests {

    /** What a mentee asks: the mentor, an optional message only the two of them see, and the program (null: the general one). */
    public record Ask(UUID mentorId, String message, UUID programId) {
    }

    /** A request as the caller may see it: with the messages for its mentee and mentor, without for a program admin. */
    public record Seen(MentorshipRequest request, boolean withMessages) {
    }

    private final ParticipantRepository participants;
    private final MentorshipRequestRepository requests;
    private final PartnershipRepository partnerships;
    private final MatchingSettings settings;
    private final ProgramAccess access;
    private final ProgramRepository programs;
    private final ProgramEnrolmentRepository enrolments;
    private final dev.mentoring.matching.persistence.ProgramIntakeRepository intakes;
    private final Outbox outbox;
    private final MatchingConfig config;
    private final CallingPerson person;
    private final Caller caller;
    private final Clock clock;

    MentorshipRequests(ParticipantRepository participants, MentorshipRequestRepository requests,
            PartnershipRepository partnerships, MatchingSettings settings, ProgramAccess access, ProgramRepository programs,
            ProgramEnrolmentRepository enrolments, dev.mentoring.matching.persistence.ProgramIntakeRepository intakes, Outbox outbox,
            MatchingConfig config, CallingPerson person, Caller caller, Clock clock) {
        this.intakes = intakes;
        this.access = access;
        this.programs = programs;
        this.enrolments = enrolments;
        this.participants = participants;
        this.requests = requests;
        this.partnerships = partnerships;
        this.settings = settings;
        this.outbox = outbox;
        this.config = config;
        this.person = person;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The caller, an active mentee, asks a mentor in a running program both are enrolled in (the general program: everyone
     * with the role); publishes mentorship.requested. The program's limits apply (else the tenant's), counted in the program.
     */
    @WithTransaction
    public Uni<MentorshipRequest> ask(Ask ask) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(mentee -> {
            if (!mentee.mentee || !mentee.active) {
                throw new ProblemException(403, "Forbidden", "Only an active mentee asks for a mentor");
            }
            RequestRules.notYourself(mentee.id, ask.mentorId());
            return access.forRequest(tenant, ask.programId()).chain(program -> participants.findInTenant(tenant, ask.mentorId()).chain(mentor -> {
                if (mentor == null || mentor.erasedAt != null || !mentor.mentor) {
                    throw ProblemException.unprocessable("mentorId", "is not a mentor of your organisation");
                }
                RequestRules.takesNewMentees(mentor.active, mentor.mentorAccepting);
                // who is in it first (a program one is not in says nothing of its state), then whether it runs
                return inProgram(program, mentee.id, mentor.id)
                        .invoke(() -> program.state.matches())
                        .chain(() -> settings.limitsOf(tenant))
                        .map(tenantLimits -> ProgramRules.limits(program.maxOpenRequests, program.maxActiveMentors, tenantLimits))
                        .chain(limit -> requests.openOfInProgram(tenant, program.id, mentee.id).invoke(limit::allowAnotherRequest))
                        .chain(() -> requests.openForPair(tenant, mentee.id, mentor.id)).invoke(RequestRules::notAskedAlready)
                        .chain(() -> partnerships.runningForPair(tenant, mentee.id, mentor.id)).invoke(RequestRules::notPartnersAlready)
                        .chain(() -> {
                            MentorshipRequest request = new MentorshipRequest();
                            request.id = UUID.randomUUID();
                            request.tenant = tenant;
                            request.menteeId = mentee.id;
                            request.mentorId = mentor.id;
                            request.programId = program.id;
                            request.state = RequestState.OPEN;
                            request.origin = PartnershipEvents.ORIGIN_MENTEE;
                            request.message = FreeText.optional(ask.message());
                            request.createdAt = OffsetDateTime.now(clock);
                            request.expiresAt = request.createdAt.plus(expiryIn(program));
                            return requests.persistAndFlush(request)
                                    .call(saved -> outbox.append(PartnershipPublisher.requested(saved)));
                        });
            }));
        });
    }

    /** How long a request of the program waits for an answer: the program's days, else the platform's setting. */
    java.time.Duration expiryIn(Program program) {
        return program.requestExpiryDays == null ? config.requestExpiry() : java.time.Duration.ofDays(program.requestExpiryDays);
    }

    /** In a program other than the general one, the mentee must be enrolled as mentee and the mentor as mentor (422). */
    private Uni<Void> inProgram(Program program, UUID menteeId, UUID mentorId) {
        if (program.general) {
            return Uni.createFrom().voidItem();
        }
        // share-locked: a leaving or a removal of either waits for this request, and this request for it
        return enrolments.enrolledLocked(program.id, menteeId, MentoringRole.MENTEE).chain(menteeIn -> {
            if (!menteeIn) {
                throw ProblemException.unprocessable("programId", "you are not enrolled in this program as a mentee");
            }
            return enrolments.enrolledLocked(program.id, mentorId, MentoringRole.MENTOR);
        }).invoke(mentorIn -> {
            if (!mentorIn) {
                throw ProblemException.unprocessable("mentorId", "is not a mentor of this program");
            }
        }).replaceWithVoid();
    }

    /**
     * One page of requests, newest first, of one state or all: a program admin's are the tenant's (without the messages,
     * see {@link Seen}), a person's those they sent or received.
     */
    /** Where the page starts: the time and id of the last one seen, read from the cursor. */
    private static PairPage.Key after(PageRequest page) {
        return page.afterKey(2, parts -> new PairPage.Key(java.time.Instant.parse(parts[0]).atOffset(java.time.ZoneOffset.UTC),
                UUID.fromString(parts[1])));
    }

    @WithSession
    public Uni<Page<Seen>> list(String state, PageRequest page) {
        RequestState wanted = state(state);
        String tenant = caller.tenant();
        if (caller.hasRole("program-admin")) {
            return requests.page(tenant, null, wanted, after(page), page.limit() + 1)
                    .map(rows -> page.page(rows, r -> PageRequest.key(r.createdAt.toInstant(), r.id), r -> new Seen(r, false)));
        }
        return person.inMentorships(tenant).chain(me -> requests.page(tenant, me.id, wanted, after(page), page.limit() + 1))
                .map(rows -> page.page(rows, r -> PageRequest.key(r.createdAt.toInstant(), r.id), r -> new Seen(r, true)));
    }

    private static RequestState state(String state) {
        try {
            return state == null ? null : RequestState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED");
        }
    }

    @WithSession
    public Uni<MentorshipRequest> get(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me));
    }

    /** The mentor accepts: the partnership starts, unless the mentor's or the mentee's places are taken (409). */
    @WithTransaction
    public Uni<Partnership> accept(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.mentorId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentor answers a request");
            }
            RequestRules.stillOpen(request.state);
            // lock the mentor: concurrent accepts for the same mentor wait here, one at a time
            return participants.lockedById(request.mentorId)
                    .call(mentor -> partnerships.runningForMentor(tenant, mentor.id)
                            .invoke(running -> RequestRules.mentorHasPlace(running, mentor.mentorCapacity)))
                    .chain(() -> programOf(tenant, request))
                    // the program still runs and both are still in it (a closing or a leaving may have come since the ask)
                    .call(program -> program.general ? Uni.createFrom().voidItem() : Uni.createFrom().voidItem()
                            .invoke(() -> program.state.matches())
                            .chain(() -> inProgram(program, request.menteeId, request.mentorId))
                            .onFailure(ProblemException.class).transform(e -> new dev.mentoring.plumbing.rules.Conflict(
                                    "The mentee or the mentor is no longer in the request's program")))
                    // a mentor's intake may give them fewer places in this program than their capacity
                    .call(program -> program.general ? Uni.createFrom().voidItem() : intakes.ofPerson(program.id, request.mentorId,
                            MentoringRole.MENTOR).chain(intake -> intake == null || intake.capacity == null ? Uni.createFrom().voidItem()
                                    : partnerships.runningInProgramFor(tenant, program.id, request.mentorId, false).invoke(running -> {
                                        if (running >= intake.capacity) {
                                            throw new dev.mentoring.plumbing.rules.Conflict("The mentor has no place left in this program");
                                        }
                                    }).replaceWithVoid()))
                    .call(program -> settings.limitsOf(tenant)
                            .map(tenantLimits -> ProgramRules.limits(program.maxOpenRequests, program.maxActiveMentors, tenantLimits))
                            .chain(limit -> partnerships.runningForMenteeInProgram(tenant, program.id, request.menteeId)
                                    .invoke(limit::allowAnotherMentor)))
                    .chain(() -> requests.lockedById(request.id))
                    .chain(locked -> {
                        RequestRules.stillOpen(locked.state);
                        OffsetDateTime now = OffsetDateTime.now(clock);
                        locked.state = RequestState.ACCEPTED;
                        locked.decidedAt = now;
                        Partnership partnership = new Partnership();
                        partnership.id = locked.id;
                        partnership.tenant = tenant;
                        partnership.menteeId = locked.menteeId;
                        partnership.mentorId = locked.mentorId;
                        partnership.programId = locked.programId;
                        partnership.state = PartnershipState.ACTIVE;
                        partnership.startedAt = now;
                        return partnerships.persist(partnership).chain(() -> partnerships.flush())
                                .call(() -> outbox.appendAll(List.of(PartnershipPublisher.answered(locked, PartnershipEvents.ACCEPTED),
                                        PartnershipPublisher.partnership(partnership, PartnershipEvents.STARTED, now))))
                                .replaceWith(partnership);
                    });
        }));
    }

    /** The mentor declines, with a reason category and an optional message only the two of them see. */
    @WithTransaction
    public Uni<MentorshipRequest> decline(UUID id, DeclineReason reason, String message) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.mentorId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentor answers a request");
            }
            RequestRules.stillOpen(request.state);
            request.state = RequestState.DECLINED;
            request.decidedAt = OffsetDateTime.now(clock);
            request.declineReason = reason;
            request.declineMessage = FreeText.optional(message);
            return requests.persistAndFlush(request)
                    .call(saved -> outbox.append(PartnershipPublisher.answered(saved, PartnershipEvents.DECLINED)));
        }));
    }

    @WithTransaction
    public Uni<MentorshipRequest> withdraw(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.menteeId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentee withdraws a request");
            }
            RequestRules.stillOpen(request.state);
            request.state = RequestState.WITHDRAWN;
            request.decidedAt = OffsetDateTime.now(clock);
            return requests.persistAndFlush(request)
                    .call(saved -> outbox.append(PartnershipPublisher.answered(saved, PartnershipEvents.WITHDRAWN)));
        }));
    }

    /** The program the request was made in. */
    private Uni<Program> programOf(String tenant, MentorshipRequest request) {
        return request.programId == null ? access.general(tenant) : programs.lockedInTenant(tenant, request.programId);
    }

    private Uni<MentorshipRequest> visible(String tenant, UUID id, Participant me) {
        return requests.findInTenant(tenant, id).map(request -> {
            if (request == null || !request.involves(me.id)) {
                throw ProblemException.notFound("Mentorship request", id);
            }
            return request;
        });
    }
}
