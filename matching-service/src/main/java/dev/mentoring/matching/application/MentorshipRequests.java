package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.matching.api.RequestViews;
import dev.mentoring.matching.config.MatchingConfig;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.matching.domain.RequestState;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.TenantPartnershipSettings;
import dev.mentoring.plumbing.idempotency.IdempotencyKeys;
import dev.mentoring.plumbing.idempotency.IdempotentAnswer;
import dev.mentoring.plumbing.outbox.Outbox;
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

    private final ParticipantRepository participants;
    private final PartnershipRepository partnerships;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final MatchingConfig config;
    private final CallingPerson person;
    private final Caller caller;

    MentorshipRequests(ParticipantRepository participants, PartnershipRepository partnerships, Outbox outbox,
            IdempotencyKeys idempotencyKeys, MatchingConfig config, CallingPerson person, Caller caller) {
        this.participants = participants;
        this.partnerships = partnerships;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.config = config;
        this.person = person;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<IdempotentAnswer> ask(RequestViews.Create create, String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotencyKeys.once(idempotencyKey, "POST /mentorship-requests", create, () -> person.inMentorships(tenant).chain(mentee -> {
            if (!mentee.mentee || !mentee.active) {
                throw new ProblemException(403, "Forbidden", "Only an active mentee asks for a mentor");
            }
            if (mentee.id.equals(create.mentorId())) {
                throw ProblemException.unprocessable("mentorId", "is you");
            }
            return participants.findInTenant(tenant, create.mentorId()).chain(mentor -> {
                if (mentor == null || mentor.erasedAt != null || !mentor.mentor) {
                    throw ProblemException.unprocessable("mentorId", "is not a mentor of your organisation");
                }
                if (!mentor.active || !mentor.mentorAccepting) {
                    throw ProblemException.conflict("This mentor does not take new mentees at the moment");
                }
                return settings(tenant).chain(limits -> partnerships.openRequestsOf(tenant, mentee.id).chain(open -> {
                    if (open >= limits.maxOpenRequests) {
                        throw ProblemException.conflict("You have " + open + " open requests, the most your organisation allows");
                    }
                    return partnerships.openRequestsForPair(tenant, mentee.id, mentor.id);
                }).chain(samePair -> {
                    if (samePair > 0) {
                        throw ProblemException.conflict("You already asked this mentor");
                    }
                    return partnerships.runningForPair(tenant, mentee.id, mentor.id);
                }).chain(running -> {
                    if (running > 0) {
                        throw ProblemException.conflict("You already have a partnership with this mentor");
                    }
                    MentorshipRequest request = new MentorshipRequest();
                    request.id = UUID.randomUUID();
                    request.tenant = tenant;
                    request.menteeId = mentee.id;
                    request.mentorId = mentor.id;
                    request.state = RequestState.OPEN;
                    request.origin = "MENTEE";
                    request.message = FreeText.optional(create.message());
                    request.createdAt = MyProfiles.now();
                    request.expiresAt = request.createdAt.plus(config.requestExpiry());
                    return request.<MentorshipRequest>persistAndFlush()
                            .call(saved -> outbox.append(PartnershipPublisher.requested(saved)))
                            .map(saved -> IdempotentAnswer.of(201, RequestViews.Request.of(saved)));
                }));
            });
        }));
    }

    @WithSession
    public Uni<List<RequestViews.Request>> mine() {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnerships.requestsOf(tenant, me.id))
                .map(list -> list.stream().map(RequestViews.Request::of).toList());
    }

    @WithSession
    public Uni<RequestViews.Request> get(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me)).map(RequestViews.Request::of);
    }

    /** The mentor accepts: the partnership starts, unless the mentor's or the mentee's places are taken (409). */
    @WithTransaction
    public Uni<RequestViews.PartnershipView> accept(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.mentorId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentor answers a request");
            }
            requireOpen(request);
            // lock the mentor: concurrent accepts for the same mentor wait here, one at a time
            return participants.findById(request.mentorId, LockModeType.PESSIMISTIC_WRITE)
                    .chain(mentor -> partnerships.runningForMentor(tenant, mentor.id).chain(running -> {
                        if (running >= mentor.mentorCapacity) {
                            throw ProblemException.conflict("The mentor has no place left (" + mentor.mentorCapacity + " mentees)");
                        }
                        return settings(tenant);
                    }))
                    .chain(limits -> partnerships.runningForMentee(tenant, request.menteeId).chain(menteeRunning -> {
                        if (menteeRunning >= limits.maxActiveMentors) {
                            throw ProblemException.conflict("The mentee already has " + menteeRunning + " mentors, the most allowed");
                        }
                        return MentorshipRequest.<MentorshipRequest>findById(request.id, LockModeType.PESSIMISTIC_WRITE);
                    }))
                    .chain(locked -> {
                        requireOpen(locked);
                        OffsetDateTime now = MyProfiles.now();
                        locked.state = RequestState.ACCEPTED;
                        locked.decidedAt = now;
                        Partnership partnership = new Partnership();
                        partnership.id = locked.id;
                        partnership.tenant = tenant;
                        partnership.menteeId = locked.menteeId;
                        partnership.mentorId = locked.mentorId;
                        partnership.state = PartnershipState.ACTIVE;
                        partnership.startedAt = now;
                        return partnerships.persist(partnership).chain(() -> partnerships.flush())
                                .call(() -> outbox.appendAll(List.of(PartnershipPublisher.answered(locked, PartnershipEvents.ACCEPTED),
                                        PartnershipPublisher.partnership(partnership, PartnershipEvents.STARTED, now))))
                                .replaceWith(RequestViews.PartnershipView.forParticipant(partnership));
                    });
        }));
    }

    @WithTransaction
    public Uni<RequestViews.Request> decline(UUID id, RequestViews.Decline decline) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.mentorId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentor answers a request");
            }
            requireOpen(request);
            request.state = RequestState.DECLINED;
            request.decidedAt = MyProfiles.now();
            request.declineReason = decline.reasonCategory();
            request.declineMessage = FreeText.optional(decline.message());
            return request.<MentorshipRequest>persistAndFlush()
                    .call(saved -> outbox.append(PartnershipPublisher.answered(saved, PartnershipEvents.DECLINED)))
                    .map(RequestViews.Request::of);
        }));
    }

    @WithTransaction
    public Uni<RequestViews.Request> withdraw(UUID id) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(request -> {
            if (!request.menteeId.equals(me.id)) {
                throw new ProblemException(403, "Forbidden", "Only the mentee withdraws a request");
            }
            requireOpen(request);
            request.state = RequestState.WITHDRAWN;
            request.decidedAt = MyProfiles.now();
            return request.<MentorshipRequest>persistAndFlush()
                    .call(saved -> outbox.append(PartnershipPublisher.answered(saved, PartnershipEvents.WITHDRAWN)))
                    .map(RequestViews.Request::of);
        }));
    }

    private Uni<MentorshipRequest> visible(String tenant, UUID id, Participant me) {
        return partnerships.request(tenant, id).map(request -> {
            if (request == null || !(request.menteeId.equals(me.id) || request.mentorId.equals(me.id))) {
                throw ProblemException.notFound("Mentorship request", id);
            }
            return request;
        });
    }

    private static void requireOpen(MentorshipRequest request) {
        if (request.state != RequestState.OPEN) {
            throw ProblemException.conflict("This request is " + request.state.name().toLowerCase() + " already");
        }
    }

    static Uni<Limits> settings(String tenant) {
        return TenantPartnershipSettings.<TenantPartnershipSettings>findById(tenant).map(s -> s == null
                ? new Limits(TenantPartnershipSettings.DEFAULT_MAX_OPEN_REQUESTS, TenantPartnershipSettings.DEFAULT_MAX_ACTIVE_MENTORS)
                : new Limits(s.maxOpenRequests, s.maxActiveMentors));
    }

    record Limits(int maxOpenRequests, int maxActiveMentors) {
    }
}
