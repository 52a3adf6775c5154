package dev.mentoring.feedback.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The goals of the partnerships' agreements, with their progress. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    /** The goals of the agreement in force, by due date. */
    public Uni<List<Goal>> inForce(UUID partnershipId) {
        return list("partnershipId = ?1 and inForce = true order by dueDate, goalId", partnershipId);
    }

    /** The goal if it is one of the agreement in force, else null. */
    public Uni<Goal> inForceById(UUID partnershipId, UUID goalId) {
        return find("goalId = ?1 and partnershipId = ?2 and inForce = true", goalId, partnershipId).firstResult();
    }

    /** A new agreement is in force: none of the partnership's goals is until the new agreement names it again. */
    public Uni<Integer> retireAll(UUID partnershipId) {
        return update("inForce = false where partnershipId = ?1", partnershipId);
    }
}
