package dev.mentoring.feedback.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Check-ins on goals: progress and a short note. */
@ApplicationScoped
public class GoalCheckInRepository implements PanacheRepositoryBase<GoalCheckIn, UUID> {

    /** Erasure: the author's notes go, their progress stays. */
    public Uni<Integer> eraseNotesOf(String tenant, UUID authorId) {
        return update("note = null where authorId = ?1 and tenant = ?2", authorId, tenant);
    }
}
