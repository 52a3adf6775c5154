package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.api.FeedbackViews;
import dev.mentoring.feedback.events.FeedbackEvents;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalCheckIn;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Check-ins on the goals of the agreement in force: progress and a short note (never published). A goal
 * reaching 100 %, or marked achieved, publishes {@code goal.achieved} once: a success to celebrate.
 */
@ApplicationScoped
public class Goals {

    private final Participants participants;
    private final Outbox outbox;
    private final Health health;
    private final Clock clock;

    Goals(Participants participants, Outbox outbox, Health health, Clock clock) {
        this.participants = participants;
        this.outbox = outbox;
        this.health = health;
        this.clock = clock;
    }

    private static FeedbackViews.GoalView view(Goal g) {
        return new FeedbackViews.GoalView(g.goalId, g.title, g.dueDate, g.progressPercent, g.achievedAt);
    }

    public Uni<List<FeedbackViews.GoalView>> ofPartnership(UUID partnershipId) {
        return participants.me().chain(me -> Panache.withSession(() -> participants.partnership(me, partnershipId)
                .chain(p -> Goal.<Goal>list("partnershipId = ?1 and inForce = true order by dueDate, goalId", p.id))
                .map(goals -> goals.stream().map(Goals::view).toList())));
    }

    public Uni<FeedbackViews.GoalView> checkIn(UUID partnershipId, UUID goalId, FeedbackViews.CheckInInput in) {
        return participants.me().chain(me -> Panache.withTransaction(() -> participants.partnershipForUpdate(me, partnershipId).chain(p ->
                Goal.<Goal>find("goalId = ?1 and partnershipId = ?2 and inForce = true", goalId, p.id).firstResult().chain(goal -> {
                    if (goal == null) {
                        throw ProblemException.notFound("goal", goalId);
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    boolean achieved = Boolean.TRUE.equals(in.achieved()) || in.progressPercent() == 100;
                    String role = me.equals(p.mentorId) ? "MENTOR" : "MENTEE";
                    GoalCheckIn checkIn = new GoalCheckIn();
                    checkIn.id = UUID.randomUUID();
                    checkIn.tenant = p.tenant;
                    checkIn.partnershipId = p.id;
                    checkIn.goalId = goal.goalId;
                    checkIn.authorId = me;
                    checkIn.progressPercent = in.progressPercent();
                    checkIn.achieved = achieved;
                    checkIn.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
                    checkIn.createdAt = now;
                    goal.progressPercent = achieved ? Math.max(in.progressPercent(), goal.progressPercent) : in.progressPercent();
                    List<DomainEvent> events = new ArrayList<>();
                    events.add(FeedbackEvents.of(p.tenant, p.id, FeedbackEvents.GOAL_PROGRESSED, "goals/" + goal.goalId,
                            new FeedbackEvents.GoalChanged(goal.goalId, p.id, goal.progressPercent, achieved, role, now)));
                    if (achieved && goal.achievedAt == null) {
                        goal.achievedAt = now;
                        events.add(FeedbackEvents.of(p.tenant, p.id, FeedbackEvents.GOAL_ACHIEVED, "goals/" + goal.goalId,
                                new FeedbackEvents.GoalChanged(goal.goalId, p.id, goal.progressPercent, true, role, now)));
                    }
                    return checkIn.persist().chain(() -> outbox.appendAll(events)).chain(() -> health.recompute(p.id))
                            .map(ignored -> view(goal));
                }))));
    }
}
