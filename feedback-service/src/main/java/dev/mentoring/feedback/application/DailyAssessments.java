package dev.mentoring.feedback.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The daily assessment of every running partnership's health: time passing is a change too (a lapsed cadence, a goal
 * past its date). Each partnership in a transaction of its own, so that one failing stops none of the others.
 */
@ApplicationScoped
public class DailyAssessments {

    private final HealthAssessments assessments;

    DailyAssessments(HealthAssessments assessments) {
        this.assessments = assessments;
    }

    @Scheduled(identity = "partnership-health", every = "${mentoring.feedback.health-interval:24h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return recomputeActive().replaceWithVoid();
    }

    /** Assesses every active or paused partnership again, each in its own transaction; answers how many. */
    public Uni<Integer> recomputeActive() {
        return assessments.running().chain(all -> {
            Uni<Integer> done = Uni.createFrom().item(0);
            for (UUID partnership : all) {
                done = done.chain(count -> assessments.recompute(partnership)
                        .onFailure().invoke(e -> Log.warnf("health of %s not recomputed: %s", partnership, e.getMessage()))
                        .onFailure().recoverWithNull()
                        .replaceWith(count + 1));
            }
            return done;
        });
    }
}
