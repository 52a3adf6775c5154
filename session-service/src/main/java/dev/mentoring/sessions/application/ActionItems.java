package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.api.SessionViews;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.events.SessionEvents;
import dev.mentoring.sessions.persistence.ActionItem;
import dev.mentoring.sessions.persistence.MentoringSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Action items of a partnership: what the mentor or the mentee agreed to do, by when. A scheduled job
 * publishes one {@code action-item.overdue} per open item past its due date, safe on several instances
 * (rows claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as the events).
 */
@ApplicationScoped
public class ActionItems {

    private final CallingParticipant me;
    private final Outbox outbox;
    private final Clock clock;

    ActionItems(CallingParticipant me, Outbox outbox) {
        this.me = me;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    private SessionViews.ActionItemView view(ActionItem item) {
        boolean overdue = item.state == SessionEnums.ActionState.OPEN && item.dueDate.isBefore(LocalDate.now(clock));
        return new SessionViews.ActionItemView(item.id, item.partnershipId, item.sessionId, item.title, item.assignee,
                item.assigneeId, item.dueDate, item.state, overdue, item.completedAt);
    }

    public Uni<SessionViews.ActionItemView> create(UUID partnershipId, SessionViews.ActionItemInput in) {
        if (in.title() == null || in.title().isBlank()) {
            throw ProblemException.badRequest("title", "is required");
        }
        if (in.assignee() == null) {
            throw ProblemException.badRequest("assignee", "is required: MENTOR or MENTEE");
        }
        if (in.dueDate() == null) {
            throw ProblemException.badRequest("dueDate", "is required");
        }
        if (in.dueDate().isAfter(LocalDate.now(clock).plusYears(2))) {
            throw ProblemException.unprocessable("dueDate", "is more than two years away");
        }
        return me.id().chain(my -> Panache.withTransaction(() -> me.partnership(my, partnershipId).chain(p -> {
            Uni<Void> sessionCheck = in.sessionId() == null ? Uni.createFrom().voidItem()
                    : MentoringSession.count("id = ?1 and partnershipId = ?2", in.sessionId(), p.id).map(n -> {
                        if (n == 0) {
                            throw ProblemException.unprocessable("sessionId", "is not a session of this partnership");
                        }
                        return null;
                    });
            return sessionCheck.chain(() -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                ActionItem item = new ActionItem();
                item.id = UUID.randomUUID();
                item.tenant = p.tenant;
                item.partnershipId = p.id;
                item.sessionId = in.sessionId();
                item.title = in.title().strip();
                item.assignee = in.assignee();
                item.assigneeId = in.assignee() == SessionEnums.Role.MENTOR ? p.mentorId : p.menteeId;
                item.dueDate = in.dueDate();
                item.state = SessionEnums.ActionState.OPEN;
                item.createdBy = my;
                item.createdAt = now;
                return item.persist().chain(() -> outbox.append(SessionEvents.actionItem(item, SessionEvents.ACTION_ITEM_CREATED, now)))
                        .map(ignored -> view(item));
            });
        })));
    }

    public Uni<List<SessionViews.ActionItemView>> list(UUID partnershipId) {
        return me.id().chain(my -> Panache.withSession(() -> me.partnership(my, partnershipId).chain(p ->
                ActionItem.<ActionItem>list("partnershipId = ?1 order by dueDate, createdAt", p.id))
                .map(items -> items.stream().map(this::view).toList())));
    }

    public Uni<SessionViews.ActionItemView> change(UUID partnershipId, UUID itemId, SessionViews.ActionItemInput in) {
        return me.id().chain(my -> Panache.withTransaction(() -> me.partnership(my, partnershipId).chain(p ->
                ActionItem.<ActionItem>find("id = ?1 and partnershipId = ?2", itemId, p.id).firstResult().chain(item -> {
                    if (item == null) {
                        throw ProblemException.notFound("action item", itemId);
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    if (in.title() != null) {
                        if (in.title().isBlank()) {
                            throw ProblemException.badRequest("title", "must not be blank");
                        }
                        item.title = in.title().strip();
                    }
                    if (in.dueDate() != null) {
                        item.dueDate = in.dueDate();
                        item.overduePublishedAt = null;
                    }
                    if (in.assignee() != null) {
                        item.assignee = in.assignee();
                        item.assigneeId = in.assignee() == SessionEnums.Role.MENTOR ? p.mentorId : p.menteeId;
                    }
                    boolean completes = in.state() == SessionEnums.ActionState.DONE && item.state == SessionEnums.ActionState.OPEN;
                    if (in.state() != null) {
                        item.state = in.state();
                        item.completedAt = in.state() == SessionEnums.ActionState.DONE ? now : null;
                    }
                    Uni<?> event = completes ? outbox.append(SessionEvents.actionItem(item, SessionEvents.ACTION_ITEM_COMPLETED, now))
                            : Uni.createFrom().voidItem();
                    return event.map(ignored -> view(item));
                }))));
    }

    @Scheduled(identity = "action-items-overdue", every = "${mentoring.sessions.overdue-interval:15m}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishOverdue().replaceWithVoid();
    }

    /** One pass; answers how many items became overdue. */
    @WithTransaction
    public Uni<Integer> publishOverdue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update action_item set overdue_published_at = ?1
                where id in (select id from action_item
                             where state = 'OPEN' and overdue_published_at is null and due_date < ?2
                             order by due_date limit 500 for update skip locked)
                returning id""", UUID.class)
                .setParameter(1, now).setParameter(2, now.toLocalDate()).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ActionItem>of())
                        : ActionItem.<ActionItem>list("id in ?1 order by dueDate, id", ids))
                .chain(items -> {
                    List<DomainEvent> events = new ArrayList<>();
                    items.forEach(item -> events.add(SessionEvents.actionItem(item, SessionEvents.ACTION_ITEM_OVERDUE, now)));
                    return outbox.appendAll(events).replaceWith(items.size());
                });
    }
}
