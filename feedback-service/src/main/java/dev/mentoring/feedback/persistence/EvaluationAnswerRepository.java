package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The answers to evaluations: one per person and evaluation, with progress on each goal as JSON. */
@ApplicationScoped
public class EvaluationAnswerRepository {

    /** One person's answer to an evaluation. */
    public record Answer(UUID evaluationId, UUID authorId, String authorRole, int relationshipQuality, int recommend,
            String wentWell, String wasHard, String goalsJson, OffsetDateTime createdAt) {
    }

    /** How many answered an evaluation, and their average relationship quality (null when nobody did). */
    public record Tally(long answers, Double averageRelationshipQuality) {
    }

    /** Which of these evaluations the person answered. */
    public Uni<Set<UUID>> answeredBy(UUID authorId, List<UUID> evaluationIds) {
        if (evaluationIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select evaluation_id from evaluation_answer where author_id = ?1 and evaluation_id = any(cast(?2 as uuid[]))", UUID.class)
                .setParameter(1, authorId).setParameter(2, evaluationIds.toArray(UUID[]::new)).getResultList())
                .map(ids -> ids.stream().collect(Collectors.toSet()));
    }

    /** Adds the answer; false when the person had answered the evaluation already (nothing changes then). */
    public Uni<Boolean> add(Answer answer) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into evaluation_answer (evaluation_id, author_id, author_role, relationship_quality, recommend, went_well,
                                               was_hard, goals, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9) on conflict do nothing""")
                .setParameter(1, answer.evaluationId()).setParameter(2, answer.authorId()).setParameter(3, answer.authorRole())
                .setParameter(4, answer.relationshipQuality()).setParameter(5, answer.recommend()).setParameter(6, answer.wentWell())
                .setParameter(7, answer.wasHard()).setParameter(8, answer.goalsJson()).setParameter(9, answer.createdAt())
                .executeUpdate()).map(inserted -> inserted > 0);
    }

    /** How many answered the evaluation so far, and how they rate the relationship on average. */
    public Uni<Tally> tally(UUID evaluationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*), avg(relationship_quality) from evaluation_answer where evaluation_id = ?1", Object[].class)
                .setParameter(1, evaluationId).getSingleResult())
                .map(row -> new Tally(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).doubleValue()));
    }

    /** Erasure: the words of the author's answers (what went well, what was hard) go; ratings and progress stay. */
    public Uni<Integer> eraseWordsOf(String tenant, UUID authorId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update evaluation_answer set went_well = null, was_hard = null where author_id = ?1"
                        + " and evaluation_id in (select id from evaluation where tenant = ?2)")
                .setParameter(1, authorId).setParameter(2, tenant).executeUpdate());
    }
}
