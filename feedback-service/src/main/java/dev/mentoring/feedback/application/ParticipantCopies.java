package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.feedback.persistence.ConcernRepository;
import dev.mentoring.feedback.persistence.EvaluationAnswerRepository;
import dev.mentoring.feedback.persistence.GoalCheckInRepository;
import dev.mentoring.feedback.persistence.ParticipantCopy;
import dev.mentoring.feedback.persistence.ParticipantCopyRepository;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.feedback.persistence.SessionFeedbackRepository;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * feedback-service's copies of participants (who holds which employee id in which tenant), from matching-service's
 * events: each event once, never an older version over a newer one, and the right to be forgotten.
 */
@ApplicationScoped
public class ParticipantCopies {

    /** The employee id an erased participant's copy keeps: nobody's, so that the person cannot sign in as them again. */
    static final String ERASED = "erased";

    private final ReadModelCopies copies;
    private final ParticipantCopyRepository participants;
    private final SessionFeedbackRepository feedback;
    private final GoalCheckInRepository checkIns;
    private final EvaluationAnswerRepository answers;
    private final ConcernRepository concerns;
    private final PartnershipCopyRepository partnerships;
    private final Clock clock;

    ParticipantCopies(ReadModelCopies copies, ParticipantCopyRepository participants, SessionFeedbackRepository feedback,
            GoalCheckInRepository checkIns, EvaluationAnswerRepository answers, ConcernRepository concerns,
            PartnershipCopyRepository partnerships, Clock clock) {
        this.copies = copies;
        this.participants = participants;
        this.feedback = feedback;
        this.checkIns = checkIns;
        this.answers = answers;
        this.concerns = concerns;
        this.partnerships = partnerships;
        this.clock = clock;
    }

    /** participant.updated: the copy takes the employee id of a newer version. */
    @WithTransaction
    public Uni<Void> updated(ReceivedEvent event, ParticipantEvents.ParticipantUpdated data) {
        return copies.apply(ReadModelConsumer.NAME, event, "participant", data.participantId(), participants.findById(data.participantId()),
                ParticipantCopy::new,
                copy -> copy.version >= data.version(),
                copy -> {
                    copy.employeeId = data.employeeId();
                    copy.version = data.version();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return participants.persist(copy).replaceWithVoid();
                });
    }

    /**
     * participant.erased, the right to be forgotten: the copy keeps only the id (so that no later update recreates
     * the person), and every text the person wrote goes (feedback comments, check-in notes, evaluation answers'
     * words, concerns' texts, and the goals' words of their partnerships, whoever of the two wrote them); ratings stay for the aggregates, which never name anyone.
     */
    @WithTransaction
    public Uni<Void> erased(ReceivedEvent event, ParticipantEvents.ParticipantErased data) {
        UUID who = data.participantId();
        return copies.apply(ReadModelConsumer.NAME, event, "participant", who, participants.findById(who),
                ParticipantCopy::new,
                copy -> false,
                copy -> {
                    copy.employeeId = ERASED;
                    copy.version = Long.MAX_VALUE;
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return participants.persist(copy)
                            .chain(() -> feedback.eraseCommentsOf(event.tenant(), who))
                            .chain(() -> checkIns.eraseNotesOf(event.tenant(), who))
                            .chain(() -> answers.eraseWordsOf(event.tenant(), who))
                            .chain(() -> concerns.eraseTextsOf(event.tenant(), who))
                            .chain(() -> partnerships.eraseGoalWordsOf(event.tenant(), who))
                            .replaceWithVoid();
                });
    }
}
