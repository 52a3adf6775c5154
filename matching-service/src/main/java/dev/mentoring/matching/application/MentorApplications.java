package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MentorApplicationRules;
import dev.mentoring.matching.domain.MentorApplicationRules.State;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.MentorApplication;
import dev.mentoring.matching.persistence.MentorApplicationRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What next for a mentee: becoming a mentor ({@link MentorApplicationRules}). The person applies, or a tenant-wide admin
 * (the program-admin role, the HR platform) invites them; whichever comes second makes them a mentor at once: their
 * profile gets a mentor's side (the places they offered, else the default; accepting mentees) and
 * {@code participant.updated} (mentor: true) tells the HR platform, which grants the mentor role in the identity
 * provider for the routes only mentors use. Both sides lock the person's row first, so an application and an
 * invitation at the same time meet instead of making two.
 */
@ApplicationScoped
public class MentorApplications {

    /** What a person offers when applying: the mentees they would take at once, and the areas they would mentor in. */
    public record Offer(Integer capacity, List<String> wouldMentorIn) {
    }

    private final MentorApplicationRepository applications;
    private final ParticipantRepository participants;
    private final PartnershipRepository partnerships;
    private final CallingPerson person;
    private final ProgramAccess access;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    MentorApplications(MentorApplicationRepository applications, ParticipantRepository participants, PartnershipRepository partnerships,
            CallingPerson person, ProgramAccess access, Outbox outbox, Caller caller, Clock clock) {
        this.applications = applications;
        this.participants = participants;
        this.partnerships = partnerships;
        this.person = person;
        this.access = access;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** The caller applies (409 when not experienced enough, applied already or a mentor); an open invitation makes them one. */
    @WithTransaction
    public Uni<MentorApplication> apply(Offer offer) {
        String tenant = caller.tenant();
        return person.participant(tenant, "applies to mentor").chain(me -> participants.lockedById(me.id)).chain(me -> {
            MentorApplicationRules.checkNotAMentor(me.mentor);
            return applications.openOf(me.id).chain(open -> {
                if (open != null && open.state == State.APPLIED) {
                    throw ProblemException.conflict("You have applied already; your program admins answer it");
                }
                if (open != null) {
                    open.capacity = offer.capacity();
                    open.wouldMentorIn = words(offer.wouldMentorIn());
                    return becomeMentor(me, open);
                }
                return partnerships.completedAsMentee(tenant, me.id).chain(completed -> {
                    MentorApplicationRules.checkExperienced(completed, me.yearsOfExperience);
                    MentorApplication application = opened(tenant, me.id, State.APPLIED);
                    application.capacity = offer.capacity();
                    application.wouldMentorIn = words(offer.wouldMentorIn());
                    return applications.persistAndFlush(application);
                });
            });
        });
    }

    /** A tenant-wide admin invites a person of the tenant (404 otherwise); their open application makes them a mentor at once. */
    @WithTransaction
    public Uni<MentorApplication> invite(UUID participantId) {
        String tenant = caller.tenant();
        access.tenantWide("invites people to mentor");
        return participants.findInTenant(tenant, participantId).chain(found -> {
            if (found == null || found.erasedAt != null || !found.active) {
                throw ProblemException.notFound("Participant", participantId);
            }
            return participants.lockedById(found.id);
        }).chain(who -> {
            MentorApplicationRules.checkNotAMentor(who.mentor);
            return applications.openOf(who.id).chain(open -> {
                if (open != null && open.state == State.INVITED) {
                    return Uni.createFrom().item(open);
                }
                if (open != null) {
                    return becomeMentor(who, open);
                }
                return applications.persistAndFlush(opened(tenant, who.id, State.INVITED));
            });
        });
    }

    /** A page of the caller's applications and invitations, newest first (the open one, if any, is the first). */
    @WithSession
    public Uni<Page<MentorApplication>> mine(PageRequest page) {
        PageRequest.TimeAndId before = page.afterTimeAndId();
        return person.participant(caller.tenant(), "has applications")
                .chain(me -> applications.ofPerson(me.id, before == null ? null : before.at(), before == null ? null : before.id(),
                        page.limit() + 1))
                .map(rows -> page.page(rows, a -> PageRequest.key(a.createdAt.toInstant(), a.id), a -> a));
    }

    /** The caller withdraws their application or turns an invitation down (404 when none is open). */
    @WithTransaction
    public Uni<MentorApplication> withdraw() {
        return person.participant(caller.tenant(), "withdraws applications").chain(me -> participants.lockedById(me.id))
                .chain(me -> applications.openOf(me.id)).chain(open -> {
                    if (open == null) {
                        throw ProblemException.notFound("Open mentor application", "of yours");
                    }
                    return decided(open, State.WITHDRAWN);
                });
    }

    /** A tenant-wide admin declines an application (409 unless it waits for them). */
    @WithTransaction
    public Uni<MentorApplication> decline(UUID applicationId) {
        String tenant = caller.tenant();
        access.tenantWide("declines applications to mentor");
        return applications.inTenant(tenant, applicationId).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Mentor application", applicationId))
                .chain(found -> participants.lockedById(found.participantId).chain(locked -> applications.inTenant(tenant, applicationId)))
                .chain(application -> {
                    if (application.state != State.APPLIED) {
                        throw ProblemException.conflict("Only an application waiting for an answer is declined; this one is "
                                + application.state);
                    }
                    return decided(application, State.DECLINED);
                });
    }

    /** A page of the tenant's applications and invitations, in a state or all, for tenant-wide admins. */
    @WithSession
    public Uni<Page<MentorApplication>> list(State state, PageRequest page) {
        access.tenantWide("lists applications to mentor");
        return applications.page(caller.tenant(), state, page.afterId(), page.limit() + 1)
                .map(rows -> page.page(rows, a -> a.id.toString(), a -> a));
    }

    private MentorApplication opened(String tenant, UUID participantId, State state) {
        MentorApplication application = new MentorApplication();
        application.id = UUID.randomUUID();
        application.tenant = tenant;
        application.participantId = participantId;
        application.state = state;
        application.wouldMentorIn = new String[0];
        application.createdAt = OffsetDateTime.now(clock);
        return application;
    }

    private Uni<MentorApplication> decided(MentorApplication application, State state) {
        application.state = state;
        application.decidedAt = OffsetDateTime.now(clock);
        return applications.persistAndFlush(application);
    }

    /** Both said yes: the person gets a mentor's side, accepting mentees, and the platform is told. */
    private Uni<MentorApplication> becomeMentor(Participant who, MentorApplication application) {
        who.mentor = true;
        who.mentorCapacity = application.capacity != null ? application.capacity : ProfileChanges.DEFAULT_MENTOR_CAPACITY;
        who.mentorAccepting = true;
        if (application.wouldMentorIn.length > 0) {
            who.mentorWouldMentorIn = application.wouldMentorIn;
        }
        who.updatedAt = OffsetDateTime.now(clock);
        return participants.persistAndFlush(who).call(saved -> outbox.append(ParticipantPublisher.updated(saved, false)))
                .chain(() -> decided(application, State.ACCEPTED));
    }

    private static String[] words(List<String> areas) {
        return areas == null ? new String[0] : ProfileMapping.terms(areas);
    }
}
