package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.FeedbackAskRules;
import dev.mentoring.feedback.domain.FeedbackRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.FeedbackAsk;
import dev.mentoring.feedback.persistence.FeedbackAskRepository;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.feedback.persistence.SessionCopyRepository;
import dev.mentoring.feedback.persistence.SessionFeedbackRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.rules.RuleViolation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Asking the other person of one's partnership for feedback ({@link FeedbackAskRules}), on a session or on the
 * partnership so far; {@code feedback.asked} tells notification-service, which puts it in the other's inbox. The ask is
 * answered by the feedback the platform already has: the asked person's feedback on the session (or on any session, for
 * an ask on the partnership), or their answer to an evaluation (for an ask on the partnership). An ask on a session
 * lapses when the session's feedback window closes.
 */
@ApplicationScoped
public class FeedbackAsks {

    /** An ask as one of the pair sees it: whether they made it, and its state (OPEN, ANSWERED, or LAPSED when its window closed). */
    public record Seen(FeedbackAsk ask, boolean mine, String state) {

        static Seen of(FeedbackAsk ask, boolean mine, OffsetDateTime now) {
            return new Seen(ask, mine, FeedbackAskRules.state(ask.answeredAt != null, ask.expiresAt, now));
        }
    }

    private final Participants participants;
    private final SessionCopyRepository sessions;
    private final SessionFeedbackRepository feedback;
    private final FeedbackAskRepository asks;
    private final PartnershipCopyRepository partnerships;
    private final Outbox outbox;
    private final Clock clock;

    FeedbackAsks(Participants participants, SessionCopyRepository sessions, SessionFeedbackRepository feedback, FeedbackAskRepository asks,
            PartnershipCopyRepository partnerships, Outbox outbox, Clock clock) {
        this.participants = participants;
        this.sessions = sessions;
        this.feedback = feedback;
        this.asks = asks;
        this.partnerships = partnerships;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The caller asks the other person of the partnership for feedback on the session (or on the partnership when
     * {@code sessionId} is null). The partnership is locked first, so that two asks of one subject queue up.
     */
    @WithTransaction
    public Uni<Seen> ask(UUID partnershipId, UUID sessionId) {
        return participants.me().chain(me -> participants.partnershipForUpdate(me, partnershipId).chain(p -> {
            FeedbackAskRules.checkPartnershipActive(p.state);
            UUID other = me.id().equals(p.menteeId) ? p.mentorId : p.menteeId;
            OffsetDateTime now = OffsetDateTime.now(clock);
            Uni<OffsetDateTime> askable = sessionId == null ? Uni.createFrom().nullItem()
                    : sessions.inTenant(me.tenant(), sessionId).chain(s -> {
                        if (s == null || !s.partnershipId.equals(p.id)) {
                            throw new RuleViolation("sessionId", "is not a session of this partnership");
                        }
                        return feedback.byAuthor(s.id, other).map(given -> {
                            FeedbackAskRules.checkSessionAskable(s.state, s.endsAt, given != null, now);
                            return FeedbackRules.windowEnd(s.endsAt);
                        });
                    });
            return askable.chain(expiresAt -> asks.open(p.id, sessionId, other)
                    .invoke(open -> FeedbackAskRules.checkNotAskedYet(open != null))
                    .chain(() -> {
                        FeedbackAsk ask = newAsk(p, sessionId, me, other, now);
                        ask.expiresAt = expiresAt;
                        return asks.persist(ask)
                                .chain(() -> outbox.append(FeedbackPublisher.asked(ask)))
                                .map(ignored -> Seen.of(ask, true, now));
                    }));
        }));
    }

    private static FeedbackAsk newAsk(PartnershipCopy p, UUID sessionId, Participants.Me me, UUID other, OffsetDateTime now) {
        FeedbackAsk ask = new FeedbackAsk();
        ask.id = UUID.randomUUID();
        ask.tenant = p.tenant;
        ask.partnershipId = p.id;
        ask.sessionId = sessionId;
        ask.askedBy = me.id();
        ask.askedByRole = Participants.roleIn(p, me);
        ask.askedOf = other;
        ask.askedAt = now;
        return ask;
    }

    /** A page of the partnership's asks, newest first, only the open ones when {@code openOnly}; 404 for anyone but its two people. */
    @WithSession
    public Uni<Page<Seen>> ofPartnership(UUID partnershipId, boolean openOnly, PageRequest page) {
        PageRequest.TimeAndId before = page.afterTimeAndId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return participants.me().chain(me -> participants.partnership(me, partnershipId)
                .chain(p -> asks.ofPartnership(p.id, openOnly, now, before == null ? null : before.at(),
                        before == null ? null : before.id(), page.limit()))
                .map(rows -> page.page(rows, a -> PageRequest.key(a.askedAt.toInstant(), a.id),
                        a -> Seen.of(a, a.askedBy.equals(me.id()), now))));
    }

    /**
     * Within the transaction that stored it: feedback the person gave on a session (sessionId), or an evaluation they
     * answered (sessionId null), answers their open asks. The partnership is locked first, as {@link #ask} locks it, so
     * that an ask and the feedback that answers it never pass each other (an ask committed after the answer stayed open).
     */
    Uni<Integer> answeredBy(UUID partnershipId, UUID personId, UUID sessionId) {
        return partnerships.locked(partnershipId).chain(locked -> asks.answer(partnershipId, personId, sessionId, OffsetDateTime.now(clock)));
    }
}
