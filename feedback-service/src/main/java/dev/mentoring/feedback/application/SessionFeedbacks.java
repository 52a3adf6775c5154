package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.FeedbackRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.SessionCopy;
import dev.mentoring.feedback.persistence.SessionCopyRepository;
import dev.mentoring.feedback.persistence.SessionFeedback;
import dev.mentoring.feedback.persistence.SessionFeedbackRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Feedback on a session that took place, by each of its two people ({@link FeedbackRules}: within 14 days, one each,
 * editable for 24 hours, at the version its ETag names when the edit sends one). The author chooses whether the other
 * sees it; admins only see aggregates. Feedback given answers the author's open asks for it ({@link FeedbackAsks}).
 */
@ApplicationScoped
public class SessionFeedbacks {

    /** What a person says about a session: ratings 1-5, a comment, and whether the other sees it. */
    public record Ratings(int overall, int preparation, int communication, String comment, boolean shared) {
    }

    /** Feedback as one of the session's people sees it: whether it is their own. */
    public record Seen(SessionFeedback feedback, boolean mine) {
    }

    private final Participants participants;
    private final SessionCopyRepository sessions;
    private final SessionFeedbackRepository feedback;
    private final Outbox outbox;
    private final HealthAssessments assessments;
    private final FeedbackAsks asks;
    private final Clock clock;

    SessionFeedbacks(Participants participants, SessionCopyRepository sessions, SessionFeedbackRepository feedback, Outbox outbox,
            HealthAssessments assessments, FeedbackAsks asks, Clock clock) {
        this.participants = participants;
        this.sessions = sessions;
        this.feedback = feedback;
        this.outbox = outbox;
        this.assessments = assessments;
        this.asks = asks;
        this.clock = clock;
    }

    /** A session of one of the caller's partnerships, with that partnership; 404 for anyone else's. */
    private record Held(SessionCopy session, PartnershipCopy partnership) {
    }

    private Uni<Held> held(Participants.Me me, UUID sessionId) {
        return sessions.inTenant(me.tenant(), sessionId)
                .chain(s -> {
                    if (s == null) {
                        throw ProblemException.notFound("session", sessionId);
                    }
                    return participants.partnership(me, s.partnershipId).map(p -> new Held(s, p));
                })
                .onFailure(ProblemException.class).transform(e -> ProblemException.notFound("session", sessionId));
    }

    @WithTransaction
    public Uni<Seen> give(UUID sessionId, Ratings ratings) {
        return participants.me().chain(me -> held(me, sessionId).chain(held -> feedback.byAuthor(held.session().id, me.id()).chain(before -> {
            SessionCopy s = held.session();
            OffsetDateTime now = OffsetDateTime.now(clock);
            FeedbackRules.checkCanGive(s.state, s.endsAt, before != null, now);
            SessionFeedback f = new SessionFeedback();
            f.id = UUID.randomUUID();
            f.tenant = s.tenant;
            f.sessionId = s.id;
            f.partnershipId = s.partnershipId;
            f.authorId = me.id();
            f.authorRole = Participants.roleIn(held.partnership(), me);
            apply(f, ratings);
            f.createdAt = now;
            f.updatedAt = now;
            f.version = 1;
            return feedback.persistAndFlush(f)
                    .chain(() -> outbox.append(FeedbackPublisher.submitted(f, now)))
                    .chain(() -> asks.answeredBy(f.partnershipId, me.id(), f.sessionId))
                    .chain(() -> assessments.recompute(f.partnershipId))
                    .map(ignored -> new Seen(f, true));
        })));
    }

    private static void apply(SessionFeedback f, Ratings ratings) {
        f.overall = ratings.overall();
        f.preparation = ratings.preparation();
        f.communication = ratings.communication();
        f.comment = ratings.comment() == null || ratings.comment().isBlank() ? null : ratings.comment().strip();
        f.shared = ratings.shared();
    }

    /**
     * The caller edits their feedback on the session, at the version {@code ifMatch} names when given (a stale one is
     * 412; without one the last edit wins). The partnership is locked first, as every write that assesses its health.
     */
    @WithTransaction
    public Uni<Seen> edit(UUID sessionId, Ratings ratings, String ifMatch) {
        return participants.me().chain(me -> held(me, sessionId)
                .chain(held -> participants.partnershipForUpdate(me, held.partnership().id)
                        .chain(locked -> feedback.byAuthor(held.session().id, me.id())))
                .chain(f -> {
                    if (f == null) {
                        throw ProblemException.notFound("feedback of yours on session", sessionId);
                    }
                    EntityTags.check(ifMatch, f.version, false, "your feedback");
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    FeedbackRules.checkCanEdit(f.createdAt, now);
                    apply(f, ratings);
                    f.updatedAt = now;
                    // analytics read the edited ratings too (never the comment)
                    return outbox.append(FeedbackPublisher.updated(f, now))
                            .chain(() -> assessments.recompute(f.partnershipId))
                            .chain(() -> feedback.flush()) // the version the answer's ETag names
                            .map(ignored -> new Seen(f, true));
                }));
    }

    /** A page of the feedback on the session the caller sees: their own, and the other's if they shared it; oldest first. */
    @WithSession
    public Uni<Page<Seen>> ofSession(UUID sessionId, PageRequest page) {
        PageRequest.TimeAndId after = page.afterTimeAndId();
        return participants.me().chain(me -> held(me, sessionId)
                .chain(held -> feedback.visibleTo(held.session().id, me.id(), after == null ? null : after.at(),
                        after == null ? null : after.id(), page.limit()))
                .map(rows -> page.page(rows, f -> PageRequest.key(f.createdAt.toInstant(), f.id), f -> new Seen(f, f.authorId.equals(me.id())))));
    }

}
