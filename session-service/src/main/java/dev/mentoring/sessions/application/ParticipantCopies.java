package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.ParticipantEvents.ParticipantErased;
import dev.mentoring.contracts.ParticipantEvents.ParticipantUpdated;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import dev.mentoring.sessions.persistence.CalendarFeedRepository;
import dev.mentoring.sessions.persistence.ParticipantCopy;
import dev.mentoring.sessions.persistence.ParticipantCopyRepository;
import dev.mentoring.sessions.persistence.SessionNoteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the copy of participants up to date: each event once, never an older version over a newer one, never a
 * record of another tenant, so redelivery and replays after downtime leave the copy right.
 */
@ApplicationScoped
public class ParticipantCopies {

    static final String CONSUMER = "session-service/participants";

    private final ReadModelCopies copies;
    private final ParticipantCopyRepository participants;
    private final SessionNoteRepository notes;
    private final CalendarFeedRepository feeds;
    private final Clock clock;

    ParticipantCopies(ReadModelCopies copies, ParticipantCopyRepository participants, SessionNoteRepository notes,
            CalendarFeedRepository feeds, Clock clock) {
        this.copies = copies;
        this.participants = participants;
        this.notes = notes;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** A participant was created or changed: the copy takes the newer version. */
    @WithTransaction
    public Uni<Void> updated(ReceivedEvent event, ParticipantUpdated update) {
        return copies.apply(CONSUMER, event, "participant", update.participantId(), participants.findById(update.participantId()),
                ParticipantCopy::new,
                copy -> copy.version >= update.version(),
                copy -> {
                    copy.employeeId = update.employeeId();
                    copy.timeZone = update.timeZone();
                    copy.languages = update.languages().toArray(String[]::new);
                    copy.version = update.version();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return participants.persist(copy).replaceWithVoid();
                });
    }

    /**
     * Right to be forgotten: the copy keeps only the id, so that a late participant.updated cannot bring the person
     * back; the notes they wrote and their calendar feed are deleted.
     */
    @WithTransaction
    public Uni<Void> erased(ReceivedEvent event, ParticipantErased erased) {
        UUID who = erased.participantId();
        return copies.apply(CONSUMER, event, "participant", who, participants.findById(who),
                ParticipantCopy::new,
                copy -> false, // an erasure always applies
                copy -> {
                    copy.employeeId = ParticipantCopy.ERASED;
                    copy.timeZone = "UTC";
                    copy.languages = new String[0];
                    copy.version = Long.MAX_VALUE;
                    copy.updatedAt = OffsetDateTime.now(clock);
                    // the person's own words and their secret feed go too; the sessions, agendas and action items
                    // they share with the other person stay (their dates and states are the other's history as well)
                    return participants.persist(copy)
                            .chain(() -> notes.eraseWrittenBy(event.tenant(), who))
                            .chain(() -> feeds.eraseOf(event.tenant(), who));
                });
    }
}
