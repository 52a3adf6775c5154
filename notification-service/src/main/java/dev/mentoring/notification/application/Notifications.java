package dev.mentoring.notification.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.FeedbackEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.notification.domain.Notice;
import dev.mentoring.notification.domain.Notices;
import dev.mentoring.notification.persistence.NotificationRepository;
import dev.mentoring.notification.persistence.PartnershipCopy;
import dev.mentoring.notification.persistence.PartnershipCopyRepository;
import dev.mentoring.notification.persistence.ProgramAdminRepository;
import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.plumbing.inbox.NotYetKnown;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Turns the platform's events into notifications ({@link Notices} says who is told what), each event once (the inbox of
 * handled events and the notifications are written in one transaction), in the order each partnership's events come.
 * Requests and partnerships name their two people; agreement and feedback events name only the partnership, whose
 * people come from the copy the partnership's events keep. An event from feedback-service's topic may arrive before
 * the partnership's own (topics are not ordered with each other): it is tried again until the partnership is known
 * ({@link NotYetKnown}).
 */
@ApplicationScoped
public class Notifications {

    /** The name notification-service's consumers go by in the inbox of handled events. */
    static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final ReadModelCopies copies;
    private final PartnershipCopyRepository partnerships;
    private final NotificationRepository notifications;
    private final ProgramAdminRepository admins;
    private final Clock clock;

    Notifications(Inbox inbox, ReadModelCopies copies, PartnershipCopyRepository partnerships, NotificationRepository notifications,
            ProgramAdminRepository admins, Clock clock) {
        this.inbox = inbox;
        this.copies = copies;
        this.partnerships = partnerships;
        this.notifications = notifications;
        this.admins = admins;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Void> requested(ReceivedEvent event, PartnershipEvents.MentorshipRequested data) {
        return keepPair(event, data.requestId(), data.menteeId(), data.mentorId(), data.programId(), () -> Notices.requested(data, now()));
    }

    @WithTransaction
    public Uni<Void> answered(ReceivedEvent event, PartnershipEvents.RequestAnswered data) {
        return once(event, () -> add(event, Notices.answered(event.type(), data, now())));
    }

    @WithTransaction
    public Uni<Void> partnershipChanged(ReceivedEvent event, PartnershipEvents.PartnershipChanged data) {
        return keepPair(event, data.partnershipId(), data.menteeId(), data.mentorId(), data.programId(),
                () -> Notices.partnership(event.type(), data));
    }

    @WithTransaction
    public Uni<Void> agreementSigned(ReceivedEvent event, AgreementEvents.Signed data) {
        return withPair(event, data.partnershipId(), pair -> Notices.signed(data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> agreementInForce(ReceivedEvent event, AgreementEvents.InForce data) {
        return withPair(event, data.partnershipId(), pair -> Notices.activated(data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> agreementReviewDue(ReceivedEvent event, AgreementEvents.ReviewDue data) {
        return withPair(event, data.partnershipId(), pair -> Notices.reviewDue(data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> sessionChanged(ReceivedEvent event, SessionEvents.SessionChanged data) {
        return once(event, () -> add(event, Notices.session(event.type(), data, now())));
    }

    @WithTransaction
    public Uni<Void> reminderDue(ReceivedEvent event, SessionEvents.ReminderDue data) {
        return once(event, () -> add(event, Notices.reminder(data, now())));
    }

    @WithTransaction
    public Uni<Void> actionItemOverdue(ReceivedEvent event, SessionEvents.ActionItemChanged data) {
        return once(event, () -> add(event, Notices.actionItemOverdue(data, now())));
    }

    @WithTransaction
    public Uni<Void> evaluationChanged(ReceivedEvent event, FeedbackEvents.EvaluationChanged data) {
        return withPair(event, data.partnershipId(), pair -> Notices.evaluation(event.type(), data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> goalAchieved(ReceivedEvent event, FeedbackEvents.GoalChanged data) {
        return withPair(event, data.partnershipId(), pair -> Notices.goalAchieved(data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> feedbackAsked(ReceivedEvent event, FeedbackEvents.FeedbackAsked data) {
        return withPair(event, data.partnershipId(), pair -> Notices.feedbackAsked(data, pair, now()));
    }

    @WithTransaction
    public Uni<Void> concernClosed(ReceivedEvent event, FeedbackEvents.ConcernClosed data) {
        return withPair(event, data.partnershipId(), pair -> Notices.concernClosed(data, pair, now()));
    }

    /**
     * concern.raised: the admins of the partnership's program are told (those assigned to it, with a profile here; the
     * tenant-wide role's holders read the concerns in feedback-service). A partnership of no known program tells nobody.
     */
    @WithTransaction
    public Uni<Void> concernRaised(ReceivedEvent event, FeedbackEvents.ConcernRaised data) {
        return withCopy(event, data.partnershipId(), copy -> copy.programId == null ? Uni.createFrom().item(List.<Notice>of())
                : admins.participantsRunning(event.tenant(), copy.programId)
                        .map(running -> Notices.concernRaised(data, new Notices.Pair(copy.menteeId, copy.mentorId), running, now())));
    }

    /** program.admin-assigned and unassigned: who runs the program (the latest change wins; by tenant, so no other tenant's). */
    @WithTransaction
    public Uni<Void> programAdminAssigned(ReceivedEvent event, ProgramEvents.AdminChanged data) {
        return once(event, () -> admins.put(event.tenant(), data.programId(), data.employeeId(), true, at(data)).replaceWithVoid());
    }

    /** See {@link #programAdminAssigned}. */
    @WithTransaction
    public Uni<Void> programAdminUnassigned(ReceivedEvent event, ProgramEvents.AdminChanged data) {
        return once(event, () -> admins.put(event.tenant(), data.programId(), data.employeeId(), false, at(data)).replaceWithVoid());
    }

    private OffsetDateTime at(ProgramEvents.AdminChanged data) {
        return data.at() != null ? data.at() : now();
    }

    /** The event once: its notices, and the copy of the pair it names (made or kept; another tenant's is refused). */
    private Uni<Void> keepPair(ReceivedEvent event, UUID id, UUID menteeId, UUID mentorId, UUID programId,
            java.util.function.Supplier<List<Notice>> notices) {
        return copies.apply(CONSUMER, event, "partnership", id, partnerships.findById(id), PartnershipCopy::new, copy -> false, copy -> {
            copy.menteeId = menteeId;
            copy.mentorId = mentorId;
            if (programId != null) {
                copy.programId = programId;
            }
            copy.updatedAt = now();
            return partnerships.persist(copy).chain(() -> add(event, notices.get()));
        });
    }

    /** The event once, for the pair of a partnership this service knows (else tried again: {@link NotYetKnown}). */
    private Uni<Void> withPair(ReceivedEvent event, UUID partnershipId, java.util.function.Function<Notices.Pair, List<Notice>> notices) {
        return withCopy(event, partnershipId, copy -> Uni.createFrom().item(notices.apply(new Notices.Pair(copy.menteeId, copy.mentorId))));
    }

    /** The event once, for a partnership this service knows (else tried again: {@link NotYetKnown}), of the event's tenant. */
    private Uni<Void> withCopy(ReceivedEvent event, UUID partnershipId, java.util.function.Function<PartnershipCopy, Uni<List<Notice>>> notices) {
        return once(event, () -> partnerships.findById(partnershipId).chain(copy -> {
            if (copy == null) {
                return Uni.createFrom().failure(new NotYetKnown("partnership " + partnershipId));
            }
            if (!copy.tenant.equals(event.tenant())) {
                return Uni.createFrom().failure(new IllegalArgumentException("partnership of another tenant"));
            }
            return notices.apply(copy).chain(told -> add(event, told));
        }));
    }

    private Uni<Void> once(ReceivedEvent event, java.util.function.Supplier<Uni<Void>> handling) {
        return inbox.firstDelivery(CONSUMER, event.id()).chain(first -> first ? handling.get() : Uni.createFrom().voidItem());
    }

    /** Adds the notices one after the other, in the order of their people's ids (see {@link NotificationRepository#add}). */
    private Uni<Void> add(ReceivedEvent event, List<Notice> notices) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Notice notice : notices.stream().sorted(Comparator.comparing(Notice::recipientId)).toList()) {
            chain = chain.chain(() -> notifications.add(event.tenant(), event.id(), notice)).replaceWithVoid();
        }
        return chain;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
