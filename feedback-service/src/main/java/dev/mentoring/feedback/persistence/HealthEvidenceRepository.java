package dev.mentoring.feedback.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** What the health of a partnership is assessed on, drawn from its session copies, feedback and evaluations. */
@ApplicationScoped
public class HealthEvidenceRepository {

    /**
     * The evidence of one partnership.
     *
     * @param lastCompletedSession       the end of the last session held, null if none
     * @param lateCancellationsOrNoShows late cancellations and no-shows of sessions starting after the lookback start
     * @param recentCommunicationRatings the communication ratings given on the most recent sessions held
     * @param recentSessionsWithoutFeedback of the most recent sessions held (ended before the grace), those nobody rated
     * @param overdueEvaluations         evaluations closed unanswered
     * @param lowestRelationshipQuality  the lowest relationship quality of the latest answered evaluation, null if none
     * @param unansweredAsks             asks for feedback still open (not lapsed) that were made before the ask cutoff
     * @param personalityClashConcerns   open concerns of a personality clash
     * @param confidentialityConcerns    open concerns of a breach of confidentiality
     */
    public record Evidence(OffsetDateTime lastCompletedSession, int lateCancellationsOrNoShows, List<Integer> recentCommunicationRatings,
            int recentSessionsWithoutFeedback, int overdueEvaluations, Integer lowestRelationshipQuality, int unansweredAsks,
            int personalityClashConcerns, int confidentialityConcerns) {
    }

    /**
     * The partnership's evidence: {@code recentSessions} is how many of the latest sessions held count as recent,
     * {@code lookbackStart} where counting late cancellations starts, {@code feedbackGraceEnd} the end before which a
     * session held should have had its feedback, {@code askCutoff} the time before which an ask still open (and not lapsed
     * at {@code now}) counts as unanswered.
     */
    public Uni<Evidence> of(UUID partnershipId, OffsetDateTime lookbackStart, int recentSessions, OffsetDateTime feedbackGraceEnd,
            OffsetDateTime askCutoff, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select
                  (select max(ends_at) from session_copy where partnership_id = ?1 and state = 'COMPLETED'),
                  (select count(*) from session_copy where partnership_id = ?1 and starts_at > ?2
                     and ((state = 'CANCELLED' and cancelled_late) or state = 'NO_SHOW')),
                  (select coalesce(string_agg(cast(f.communication as text), ','), '') from session_feedback f
                     where f.session_id in (select id from session_copy where partnership_id = ?1 and state = 'COMPLETED'
                                            order by ends_at desc limit ?3)),
                  (select count(*) from (select s.id from session_copy s where s.partnership_id = ?1 and s.state = 'COMPLETED'
                                           and s.ends_at < ?4 order by s.ends_at desc limit ?3) r
                     where not exists (select 1 from session_feedback f where f.session_id = r.id)),
                  (select count(*) from evaluation where partnership_id = ?1 and state = 'OVERDUE'),
                  (select min(a.relationship_quality) from evaluation_answer a where a.evaluation_id =
                     (select e.id from evaluation e join evaluation_answer l on l.evaluation_id = e.id
                       where e.partnership_id = ?1 order by l.created_at desc limit 1)),
                  (select count(*) from feedback_ask where partnership_id = ?1 and answered_at is null and asked_at < ?5
                     and (expires_at is null or expires_at > ?6)),
                  (select count(*) from concern where partnership_id = ?1 and closed_at is null and category = 'PERSONALITY_CLASH'),
                  (select count(*) from concern where partnership_id = ?1 and closed_at is null and category = 'BREACH_OF_CONFIDENTIALITY')""",
                        Object[].class)
                .setParameter(1, partnershipId).setParameter(2, lookbackStart).setParameter(3, recentSessions)
                .setParameter(4, feedbackGraceEnd).setParameter(5, askCutoff).setParameter(6, now).getSingleResult())
                .map(row -> {
                    String ratings = (String) row[2];
                    List<Integer> communication = ratings == null || ratings.isEmpty() ? List.of()
                            : Arrays.stream(ratings.split(",")).map(Integer::valueOf).toList();
                    return new Evidence((OffsetDateTime) row[0], ((Number) row[1]).intValue(), communication, ((Number) row[3]).intValue(),
                            ((Number) row[4]).intValue(), row[5] == null ? null : ((Number) row[5]).intValue(),
                            ((Number) row[6]).intValue(), ((Number) row[7]).intValue(), ((Number) row[8]).intValue());
                });
    }
}
