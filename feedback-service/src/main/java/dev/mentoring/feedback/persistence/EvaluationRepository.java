package dev.mentoring.feedback.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The partnerships' evaluations: planned, open, overdue, completed or cancelled. */
@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, UUID> {

    /** How many evaluations one pass of the job opens, or marks overdue, at most. */
    static final int PASS_SIZE = 500;

    /**
     * A page of the partnership's evaluations that were not cancelled, by date (then id), after the given one's place
     * (from the start when null): up to {@code limit} + 1 rows, the last only telling that another page follows.
     */
    public Uni<List<Evaluation>> ofPartnership(UUID partnershipId, LocalDate afterOpensOn, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(partnershipId));
        String query = "partnershipId = ?1 and state <> 'CANCELLED'";
        if (afterOpensOn != null) {
            params.add(afterOpensOn);
            params.add(afterId);
            query += " and (opensOn > ?2 or (opensOn = ?2 and id > ?3))";
        }
        return find(query + " order by opensOn, id", params.toArray()).range(0, limit).list();
    }

    /** The partnership's evaluation, or null. */
    public Uni<Evaluation> inPartnership(UUID partnershipId, UUID id) {
        return find("id = ?1 and partnershipId = ?2", id, partnershipId).firstResult();
    }

    /** The partnership ended: its planned and open evaluations are cancelled. */
    public Uni<Integer> cancelPending(UUID partnershipId) {
        return update("state = 'CANCELLED' where partnershipId = ?1 and state in ('PLANNED', 'OPEN')", partnershipId);
    }

    /**
     * Opens the planned evaluations whose day has come, claiming the rows (FOR UPDATE SKIP LOCKED, so that instances
     * running the job at once share the work); answers their ids.
     */
    public Uni<List<UUID>> openDue(LocalDate today) {
        return claim("update evaluation set state = 'OPEN' where id in (select id from evaluation where state = 'PLANNED' "
                + "and opens_on <= ?1 order by opens_on limit " + PASS_SIZE + " for update skip locked) returning id", today);
    }

    /** Marks the open evaluations that closed unanswered as overdue, claiming the rows as {@link #openDue}; answers their ids. */
    public Uni<List<UUID>> markOverdue(LocalDate today) {
        return claim("update evaluation set state = 'OVERDUE' where id in (select id from evaluation "
                + "where state = 'OPEN' and closes_on < ?1 order by closes_on limit " + PASS_SIZE + " for update skip locked) returning id",
                today);
    }

    private Uni<List<UUID>> claim(String sql, LocalDate today) {
        return getSession().chain(session -> session.createNativeQuery(sql, UUID.class).setParameter(1, today).getResultList());
    }

    /** These evaluations, by date. */
    public Uni<List<Evaluation>> byIds(List<UUID> ids) {
        return list("id in ?1 order by opensOn, id", ids);
    }

    /** The formal ones among these evaluations. */
    public Uni<List<Evaluation>> formalAmong(List<UUID> ids) {
        return list("id in ?1 and kind = 'FORMAL'", ids);
    }

    /** The partnership's formal evaluations that were not cancelled, latest first. */
    public Uni<List<Evaluation>> formalOf(UUID partnershipId) {
        return list("partnershipId = ?1 and kind = 'FORMAL' and state <> 'CANCELLED' order by opensOn desc", partnershipId);
    }
}
