package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.GoalRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.Goal;
import dev.mentoring.feedback.persistence.GoalCheckIn;
import dev.mentoring.feedback.persistence.GoalCheckInRepository;
import dev.mentoring.feedback.persistence.GoalRepository;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Check-ins on the goals of the agreement in force: progress and a short note (never published). A goal
 * reaching 100 %, or marked achieved, publishes {@code goal.achieved} once: a success to celebrate.
 */
@ApplicationScoped
public class Goals {

    /** A check-in: progress in percent, a short note, and whether the goal is marked achieved. */
    public record CheckIn(int progressPercent, String note, Boolean achieved) {
    }

    private final Participants participants;
    private final GoalRepository goals;
    private final GoalCheckInRepository checkIns;
    private final Outbox outbox;
    private final HealthAssessments assessments;
    private final Clock clock;

    Goals(Participants participants, GoalRepository goals, GoalCheckInRepository checkIns, Outbox outbox, HealthAssessments assessments,
            Clock clock) {
        this.participants = participants;
        this.goals = goals;
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.assessments = assessments;
        this.clock = clock;
    }

    /** A page of the goals of the caller's partnership's agreement in force, by due date (those without one last), then id. */
    @WithSession
    public Uni<Page<Goal>> ofPartnership(UUID partnershipId, PageRequest page) {
        GoalKey after = page.afterKey(2,
                key -> new GoalKey(key[0].isEmpty() ? null : LocalDate.parse(key[0]), UUID.fromString(key[1])));
        return participants.me().chain(me -> participants.partnership(me, partnershipId)
                .chain(p -> goals.inForce(p.id, after == null ? null : after.dueDate(), after == null ? null : after.goalId(), page.limit())))
                .map(rows -> page.page(rows, g -> PageRequest.key(g.dueDate, g.goalId), g -> g));
    }

    /**
     * The caller's celebrations: the goals achieved in their partnerships, newest first, for both people to see (an
     * achieved goal stays one when a later agreement leaves it out).
     */
    @WithSession
    public Uni<Page<Goal>> celebrations(PageRequest page) {
        PageRequest.TimeAndId before = page.afterTimeAndId();
        return participants.me().chain(me -> goals.achievedIn(me.tenant(), me.id(), before == null ? null : before.at(),
                        before == null ? null : before.id(), page.limit()))
                .map(rows -> page.page(rows, g -> PageRequest.key(g.achievedAt.toInstant(), g.goalId), g -> g));
    }

    /** Where a page of goals starts: after this due date (none: among those without one) and goal id. */
    private record GoalKey(LocalDate dueDate, UUID goalId) {
    }

    /** Records the caller's progress on a goal of their partnership; answers the goal as it is now. */
    @WithTransaction
    public Uni<Goal> checkIn(UUID partnershipId, UUID goalId, CheckIn in) {
        return participants.me().chain(me -> participants.partnershipForUpdate(me, partnershipId).chain(p ->
                goals.inForceById(p.id, goalId).chain(goal -> {
                    if (goal == null) {
                        throw ProblemException.notFound("goal", goalId);
                    }
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    boolean achieved = GoalRules.achieves(in.achieved(), in.progressPercent());
                    String role = Participants.roleIn(p, me);
                    GoalCheckIn checkIn = new GoalCheckIn();
                    checkIn.id = UUID.randomUUID();
                    checkIn.tenant = p.tenant;
                    checkIn.partnershipId = p.id;
                    checkIn.goalId = goal.goalId;
                    checkIn.authorId = me.id();
                    checkIn.progressPercent = in.progressPercent();
                    checkIn.achieved = achieved;
                    checkIn.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
                    checkIn.createdAt = now;
                    goal.progressPercent = GoalRules.progressAfter(goal.progressPercent, in.progressPercent(), achieved);
                    List<DomainEvent> events = new ArrayList<>();
                    events.add(FeedbackPublisher.progressed(goal, achieved, role, now));
                    if (achieved && goal.achievedAt == null) {
                        goal.achievedAt = now;
                        events.add(FeedbackPublisher.achieved(goal, role, now));
                    }
                    return checkIns.persist(checkIn).chain(() -> outbox.appendAll(events)).chain(() -> assessments.recompute(p.id))
                            .replaceWith(goal);
                })));
    }
}
