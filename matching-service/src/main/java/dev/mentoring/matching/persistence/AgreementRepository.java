package dev.mentoring.matching.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Agreements (keyed by their partnership's id), their versions and the goals of each version. */
@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** An agreement whose review date has come, claimed so that its review-due is published once. */
    public record DueReview(String tenant, UUID partnershipId, int version, LocalDate reviewDate) {
    }

    /**
     * Erasure: the texts of the agreement versions the person wrote (place or link, channel, both people's
     * responsibilities, ground rules, and their goals' statement, measure, target and why). The versions and their goals
     * (ids, due dates) stay: they were signed by both.
     */
    public Uni<Integer> eraseTextsOf(String tenant, UUID participantId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(session -> session.createNativeQuery("""
                update agreement_goal g set statement = null, measure = null, target = null, why = null
                from agreement_version v, agreement a
                where v.partnership_id = g.partnership_id and v.number = g.number and v.created_by = ?1
                  and a.partnership_id = g.partnership_id and a.tenant = ?2""")
                .setParameter(1, participantId).setParameter(2, tenant).executeUpdate())
                .chain(() -> Agreement.Draft.update("placeOrLink = null, channel = null, mentorResponsibilities = null, "
                        + "menteeResponsibilities = null, groundRules = null where createdBy = ?1 and partnershipId in "
                        + "(select a.partnershipId from Agreement a where a.tenant = ?2)", participantId, tenant));
    }

    /** The agreement of a partnership, or null before its first draft. */
    public Uni<Agreement> ofPartnership(UUID partnershipId) {
        return findById(partnershipId);
    }

    /** One version of a partnership's agreement. */
    public Uni<Agreement.Draft> version(UUID partnershipId, int number) {
        return Agreement.Draft.<Agreement.Draft>find("partnershipId = ?1 and number = ?2", partnershipId, number).firstResult();
    }

    /** The goals of one version, in their order. */
    public Uni<List<Agreement.Goal>> goals(UUID partnershipId, int number) {
        return Agreement.Goal.<Agreement.Goal>list("partnershipId = ?1 and number = ?2 order by position", partnershipId, number);
    }

    /** Saves the goals of a new version. */
    public Uni<Void> persistGoals(List<Agreement.Goal> goals) {
        return Agreement.Goal.persist(goals);
    }

    /**
     * Claims up to {@code batch} agreements in force, of every tenant, whose review date is {@code today} or past and whose
     * review-due was not published for the version in force, and marks them published in the same statement (rows
     * claimed {@code FOR UPDATE SKIP LOCKED}, so several instances never claim one twice).
     */
    public Uni<List<DueReview>> claimDueReviews(LocalDate today, int batch) {
        return getSession().chain(session -> session.createNativeQuery("""
                update agreement a set review_due_published_for = a.in_force_version
                from agreement_version v
                where v.partnership_id = a.partnership_id and v.number = a.in_force_version
                  and a.partnership_id in (
                      select g.partnership_id from agreement g join agreement_version gv
                        on gv.partnership_id = g.partnership_id and gv.number = g.in_force_version
                      where gv.review_date <= ?1
                        and g.review_due_published_for is distinct from g.in_force_version
                      limit ?2 for update of g skip locked)
                returning a.partnership_id, a.tenant, a.in_force_version, cast(v.review_date as text)""", Object[].class)
                .setParameter(1, today)
                .setParameter(2, batch)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new DueReview((String) row[1], (UUID) row[0], ((Number) row[2]).intValue(),
                        LocalDate.parse((String) row[3]))).toList());
    }
}
