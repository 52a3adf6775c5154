package dev.mentoring.notification.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.notification.persistence.NotificationRepository;
import dev.mentoring.notification.persistence.ParticipantCopy;
import dev.mentoring.notification.persistence.ParticipantCopyRepository;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * notification-service's copies of participants, from matching-service's events: who holds which employee id (to find a
 * caller's inbox), and the languages and time zone their texts are written in. Each event once, never an older version
 * over a newer one; erasure removes the person's inbox.
 */
@ApplicationScoped
public class ParticipantCopies {

    /** The employee id an erased participant's copy keeps: nobody's, so that nobody signs in to their inbox again. */
    static final String ERASED = "erased";

    private final ReadModelCopies copies;
    private final ParticipantCopyRepository participants;
    private final NotificationRepository notifications;
    private final Clock clock;

    ParticipantCopies(ReadModelCopies copies, ParticipantCopyRepository participants, NotificationRepository notifications, Clock clock) {
        this.copies = copies;
        this.participants = participants;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** participant.updated: the copy takes a newer version's employee id, languages and time zone. */
    @WithTransaction
    public Uni<Void> updated(ReceivedEvent event, ParticipantEvents.ParticipantUpdated data) {
        return copies.apply(Notifications.CONSUMER, event, "participant", data.participantId(), participants.findById(data.participantId()),
                ParticipantCopy::new,
                copy -> copy.version >= data.version(),
                copy -> {
                    copy.employeeId = data.employeeId();
                    copy.timeZone = data.timeZone();
                    copy.languages = data.languages() == null ? null : String.join(",", data.languages());
                    copy.version = data.version();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return participants.persist(copy).replaceWithVoid();
                });
    }

    /** participant.erased, the right to be forgotten: the copy keeps only the id, and the person's inbox goes. */
    @WithTransaction
    public Uni<Void> erased(ReceivedEvent event, ParticipantEvents.ParticipantErased data) {
        UUID who = data.participantId();
        return copies.apply(Notifications.CONSUMER, event, "participant", who, participants.findById(who),
                ParticipantCopy::new,
                copy -> false,
                copy -> {
                    copy.employeeId = ERASED;
                    copy.timeZone = null;
                    copy.languages = null;
                    copy.version = Long.MAX_VALUE;
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return participants.persist(copy).chain(() -> notifications.eraseOf(event.tenant(), who));
                });
    }
}
