package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The hourly job of evaluations: opens what is due ({@code evaluation.due}) and marks what closed unanswered
 * ({@code evaluation.overdue}) in one pass, then assesses the health of the partnerships that missed one again, each
 * in a transaction of its own (the pass's rows are not held while partnerships are locked). Safe on several instances.
 */
@ApplicationScoped
public class EvaluationDeadlines {

    private final Evaluations evaluations;
    private final HealthAssessments assessments;
    private final Clock clock;

    EvaluationDeadlines(Evaluations evaluations, HealthAssessments assessments, Clock clock) {
        this.evaluations = evaluations;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Scheduled(identity = "evaluations", every = "${mentoring.feedback.evaluation-interval:1h}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishDue().replaceWithVoid();
    }

    /** One pass; answers how many evaluations changed. */
    public Uni<Integer> publishDue() {
        return evaluations.openAndCloseDue(LocalDate.now(clock)).chain(pass -> {
            Uni<Void> done = Uni.createFrom().voidItem();
            for (UUID partnership : pass.missed()) {
                done = done.chain(() -> assessments.recompute(partnership));
            }
            return done.replaceWith(pass.changed());
        });
    }
}
