package dev.mentoring.feedback.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The goals of the partnerships' agreements, with their progress. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    /** The goals of the agreement in force, by due date (those without one last), then id. */
    public Uni<List<Goal>> inForce(UUID partnershipId) {
        return list("partnershipId = ?1 and inForce = true order by dueDate nulls last, goalId", partnershipId);
    }

    /**
     * A page of the goals of the agreement in force, by due date (those without one last), then id, after the given
     * goal's place (from the start when {@code afterGoalId} is null): up to {@code limit} + 1 rows, the last only telling
     * that another page follows.
     */
    public Uni<List<Goal>> inForce(UUID partnershipId, LocalDate afterDueDate, UUID afterGoalId, int limit) {
        List<Object> params = new ArrayList<>(List.of(partnershipId));
        String query = "partnershipId = ?1 and inForce = true";
        if (afterGoalId != null && afterDueDate != null) {
            params.add(afterDueDate);
            params.add(afterGoalId);
            query += " and (dueDate > ?2 or (dueDate = ?2 and goalId > ?3) or dueDate is null)";
        } else if (afterGoalId != null) {
            params.add(afterGoalId);
            query += " and dueDate is null and goalId > ?2";
        }
        return find(query + " order by dueDate nulls last, goalId", params.toArray()).range(0, limit).list();
    }

    /**
     * The goals achieved in the person's partnerships (in any agreement: an achievement stays one), newest first (by the
     * time achieved, then goal id), after the given one's place (from the start when null): up to {@code limit} rows.
     */
    public Uni<List<Goal>> achievedIn(String tenant, UUID participantId, OffsetDateTime beforeAchieved, UUID beforeGoalId, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant, participantId));
        String query = "tenant = ?1 and achievedAt is not null and partnershipId in "
                + "(select p.id from PartnershipCopy p where p.tenant = ?1 and (p.menteeId = ?2 or p.mentorId = ?2))";
        if (beforeAchieved != null) {
            params.add(beforeAchieved);
            params.add(beforeGoalId);
            query += " and (achievedAt < ?3 or (achievedAt = ?3 and goalId < ?4))";
        }
        return find(query + " order by achievedAt desc, goalId desc", params.toArray()).range(0, limit).list();
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
