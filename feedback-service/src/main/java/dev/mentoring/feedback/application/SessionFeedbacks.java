package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.api.FeedbackViews;
import dev.mentoring.feedback.events.FeedbackEvents;
import dev.mentoring.feedback.persistence.PartnershipCopy;
import dev.mentoring.feedback.persistence.SessionCopy;
import dev.mentoring.feedback.persistence.SessionFeedback;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Feedback on a session that took place, by each of its two people within 14 days: one each (a second is
 * 409), editable for 24 hours. The author chooses whether the other sees it; admins only see aggregates.
 */
@ApplicationScoped
public class SessionFeedbacks {

    static final Duration WINDOW = Duration.ofDays(14);
    static final Duration EDITABLE = Duration.ofHours(24);

    private final Participants participants;
    private final Outbox outbox;
    private final Health health;
    private final Clock clock;

    SessionFeedbacks(Participants participants, Outbox outbox, Health health, Clock clock) {
        this.participants = participants;
        this.outbox = outbox;
        this.health = health;
        this.clock = clock;
    }

    /** A session of one of the caller's partnerships, with that partnership; 404 for anyone else's. */
    private record Held(SessionCopy session, PartnershipCopy partnership) {
    }

    private Uni<Held> session(UUID me, UUID sessionId) {
        return SessionCopy.<SessionCopy>find("tenant = ?1 and id = ?2", participants.tenant(), sessionId).firstResult()
                .chain(s -> {
                    if (s == null) {
                        throw ProblemException.notFound("session", sessionId);
                    }
                    return participants.partnership(me, s.partnershipId).map(p -> new Held(s, p));
                })
                .onFailure(ProblemException.class).transform(e -> ProblemException.notFound("session", sessionId));
    }

    private static FeedbackViews.FeedbackView view(SessionFeedback f, UUID me) {
        return new FeedbackViews.FeedbackView(f.id, f.sessionId, f.authorRole, f.authorId.equals(me), f.overall, f.preparation,
                f.communication, f.comment, f.shared, f.createdAt, f.updatedAt);
    }

    public Uni<FeedbackViews.FeedbackView> give(UUID sessionId, FeedbackViews.FeedbackInput in) {
        return participants.me().chain(me -> Panache.withTransaction(() -> session(me, sessionId).chain(held -> {
            SessionCopy s = held.session();
            PartnershipCopy p = held.partnership();
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!"COMPLETED".equals(s.state)) {
                throw new ProblemException(409, "Conflict", "Feedback is given on sessions that took place; this one is " + s.state);
            }
            if (now.isAfter(s.endsAt.plus(WINDOW))) {
                throw new ProblemException(409, "Conflict", "The feedback window closed 14 days after the session");
            }
            return SessionFeedback.count("sessionId = ?1 and authorId = ?2", s.id, me).chain(count -> {
                if (count > 0) {
                    throw new ProblemException(409, "Conflict", "You gave feedback on this session already; edit it instead");
                }
                SessionFeedback f = new SessionFeedback();
                f.id = UUID.randomUUID();
                f.tenant = s.tenant;
                f.sessionId = s.id;
                f.partnershipId = s.partnershipId;
                f.authorId = me;
                f.authorRole = me.equals(p.mentorId) ? "MENTOR" : "MENTEE";
                apply(f, in);
                f.createdAt = now;
                f.updatedAt = now;
                return f.persistAndFlush()
                        .chain(() -> outbox.append(ratings(f, FeedbackEvents.FEEDBACK_SUBMITTED, now)))
                        .chain(() -> health.recompute(f.partnershipId))
                        .map(ignored -> view(f, me));
            });
        })));
    }

    private static void apply(SessionFeedback f, FeedbackViews.FeedbackInput in) {
        f.overall = in.overall();
        f.preparation = in.preparation();
        f.communication = in.communication();
        f.comment = in.comment() == null || in.comment().isBlank() ? null : in.comment().strip();
        f.shared = Boolean.TRUE.equals(in.shareWithOther());
    }

    private static dev.mentoring.plumbing.outbox.DomainEvent ratings(SessionFeedback f, String type, OffsetDateTime now) {
        return FeedbackEvents.of(f.tenant, f.partnershipId, type, "sessions/" + f.sessionId, new FeedbackEvents.FeedbackSubmitted(
                f.id, f.sessionId, f.partnershipId, f.authorRole, f.overall, f.preparation, f.communication, f.shared, now));
    }

    public Uni<FeedbackViews.FeedbackView> edit(UUID sessionId, FeedbackViews.FeedbackInput in) {
        return participants.me().chain(me -> Panache.withTransaction(() -> session(me, sessionId).chain(held ->
                SessionFeedback.<SessionFeedback>find("sessionId = ?1 and authorId = ?2", held.session().id, me).<SessionFeedback>firstResult()).chain(f -> {
                    if (f == null) {
                        throw ProblemException.notFound("feedback of yours on session", sessionId);
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    if (now.isAfter(f.createdAt.plus(EDITABLE))) {
                        throw new ProblemException(409, "Conflict", "Feedback can be edited for 24 hours after it was given");
                    }
                    apply(f, in);
                    f.updatedAt = now;
                    // analytics read the edited ratings too (never the comment)
                    return outbox.append(ratings(f, FeedbackEvents.FEEDBACK_UPDATED, now))
                            .chain(() -> health.recompute(f.partnershipId)).map(ignored -> view(f, me));
                })));
    }

    /** The caller's own feedback on the session, and the other's if they shared it. */
    public Uni<List<FeedbackViews.FeedbackView>> ofSession(UUID sessionId) {
        return participants.me().chain(me -> Panache.withSession(() -> session(me, sessionId).chain(held ->
                SessionFeedback.<SessionFeedback>list("sessionId = ?1 and (authorId = ?2 or shared = true) order by createdAt",
                        held.session().id, me))
                .map(list -> list.stream().map(f -> view(f, me)).toList())));
    }
}
