package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.domain.ActionItemRules;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.events.SessionPublisher;
import dev.mentoring.sessions.persistence.ActionItem;
import dev.mentoring.sessions.persistence.ActionItemRepository;
import dev.mentoring.sessions.persistence.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Action items of a partnership: what the mentor or the mentee agreed to do, by when; either changes one with its ETag
 * (If-Match, required: the item is locked, a stale version is 412, a missing one 428). A scheduled job
 * publishes one {@code action-item.overdue} per open item past its due date, safe on several instances
 * (rows claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as the events).
 */
@ApplicationScoped
public class ActionItems {

    private final CallingParticipant me;
    private final ActionItemRepository items;
    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Clock clock;

    ActionItems(CallingParticipant me, ActionItemRepository items, SessionRepository sessions, Outbox outbox, Clock clock) {
        this.me = me;
        this.items = items;
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
    }

    private ActionItemStatus status(ActionItem item) {
        return new ActionItemStatus(item, ActionItemRules.overdue(item.state, item.dueDate, LocalDate.now(clock)));
    }

    /** Adds an action item to one of the caller's partnerships, optionally from one of its sessions. */
    @WithTransaction
    public Uni<ActionItemStatus> create(UUID partnershipId, ActionItemChange in) {
        if (in.title() == null || in.title().isBlank()) {
            throw ProblemException.badRequest("title", "is required");
        }
        if (in.assignee() == null) {
            throw ProblemException.badRequest("assignee", "is required: MENTOR or MENTEE");
        }
        if (in.dueDate() == null) {
            throw ProblemException.badRequest("dueDate", "is required");
        }
        ActionItemRules.checkDueDate(in.dueDate(), LocalDate.now(clock));
        return me.find().chain(my -> me.partnership(my, partnershipId).chain(p -> {
            Uni<Void> sessionCheck = in.sessionId() == null ? Uni.createFrom().voidItem()
                    : sessions.isOfPartnership(in.sessionId(), p.id).map(found -> {
                        if (!found) {
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
                item.createdBy = my.id();
                item.createdAt = now;
                item.version = 1;
                return item.persist()
                        .chain(() -> outbox.append(SessionPublisher.actionItem(item, SessionEvents.ACTION_ITEM_CREATED, now)))
                        .map(ignored -> status(item));
            });
        }));
    }

    /** A page of the action items of one of the caller's partnerships, by due date (then creation). */
    @WithSession
    public Uni<Page<ActionItemStatus>> of(UUID partnershipId, PageRequest page) {
        ItemKey after = page.afterKey(3, key -> new ItemKey(LocalDate.parse(key[0]),
                OffsetDateTime.ofInstant(Instant.parse(key[1]), ZoneOffset.UTC), UUID.fromString(key[2])));
        return me.find().chain(my -> me.partnership(my, partnershipId).chain(p -> items.ofPartnership(p.id,
                after == null ? null : after.dueDate(), after == null ? null : after.createdAt(), after == null ? null : after.id(),
                page.limit())))
                .map(rows -> page.page(rows, i -> PageRequest.key(i.dueDate, i.createdAt.toInstant(), i.id), this::status));
    }

    /**
     * Changes an action item at the version {@code ifMatch} names; only what is given changes; DONE completes it (and
     * publishes that once).
     */
    @WithTransaction
    public Uni<ActionItemStatus> change(UUID partnershipId, UUID itemId, ActionItemChange in, String ifMatch) {
        if (in.title() != null && in.title().isBlank()) {
            throw ProblemException.badRequest("title", "must not be blank");
        }
        return me.find().chain(my -> me.partnership(my, partnershipId).chain(p -> items.inPartnershipForChange(itemId, p.id).chain(item -> {
            if (item == null) {
                throw ProblemException.notFound("action item", itemId);
            }
            EntityTags.check(ifMatch, item.version, true, "the action item");
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (in.title() != null) {
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
            Uni<?> event = completes ? outbox.append(SessionPublisher.actionItem(item, SessionEvents.ACTION_ITEM_COMPLETED, now))
                    : Uni.createFrom().voidItem();
            return event.map(ignored -> status(item));
        })));
    }

    /** Where a page of action items starts: after this due date, creation time and id. */
    private record ItemKey(LocalDate dueDate, OffsetDateTime createdAt, UUID id) {
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
        return items.claimOverdue(now).chain(overdue -> outbox.appendAll(overdue.stream()
                .map(item -> SessionPublisher.actionItem(item, SessionEvents.ACTION_ITEM_OVERDUE, now)).toList())
                .replaceWith(overdue.size()));
    }
}
