package dev.mentoring.sessions.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.sessions.events.ParticipantErased;
import dev.mentoring.sessions.events.ParticipantUpdated;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.sessions.persistence.CalendarFeed;
import dev.mentoring.sessions.persistence.ParticipantCopy;
import dev.mentoring.sessions.persistence.ParticipantCopyRepository;
import dev.mentoring.sessions.persistence.SessionNote;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the copy of participants up to date: each event once (inbox), and never an older version over
 * a newer one, so redelivery and replays after downtime leave the copy right.
 */
@ApplicationScoped
public class ParticipantCopies {

    static final String CONSUMER = "session-service/participants";

    private final Inbox inbox;
    private final ParticipantCopyRepository copies;

    ParticipantCopies(Inbox inbox, ParticipantCopyRepository copies) {
        this.inbox = inbox;
        this.copies = copies;
    }

    @WithTransaction
    public Uni<Void> apply(ReceivedEvent event, ParticipantUpdated update) {
        return inbox.firstDelivery(CONSUMER, event.id())
                .chain(first -> first ? upsert(event.tenant(), update) : Uni.createFrom().voidItem());
    }

    /**
     * Right to be forgotten: the copy keeps only the id, so that a late participant.updated cannot bring the
     * person back; the notes they wrote and their calendar feed are deleted.
     */
    @WithTransaction
    public Uni<Void> erase(ReceivedEvent event, ParticipantErased erased) {
        return inbox.firstDelivery(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            return copies.findInTenant(event.tenant(), erased.participantId()).chain(existing -> {
                ParticipantCopy copy = existing != null ? existing : new ParticipantCopy();
                copy.id = erased.participantId();
                copy.tenant = event.tenant();
                copy.employeeId = "erased";
                copy.timeZone = "UTC";
                copy.languages = new String[0];
                copy.version = Long.MAX_VALUE;
                copy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                UUID who = erased.participantId();
                // the person's own words and their secret feed go too; the sessions, agendas and action items
                // they share with the other person stay (their dates and states are the other's history as well)
                return copies.persist(copy)
                        .chain(() -> SessionNote.delete("authorId = ?1 and tenant = ?2", who, event.tenant()))
                        .chain(() -> CalendarFeed.delete("participantId = ?1 and tenant = ?2", who, event.tenant()))
                        .replaceWithVoid();
            });
        });
    }

    private Uni<Void> upsert(String tenant, ParticipantUpdated update) {
        return copies.findInTenant(tenant, update.participantId()).chain(existing -> {
            if (existing != null && existing.version >= update.version()) {
                return Uni.createFrom().voidItem();
            }
            ParticipantCopy copy = existing != null ? existing : new ParticipantCopy();
            copy.id = update.participantId();
            copy.tenant = tenant;
            copy.employeeId = update.employeeId();
            copy.timeZone = update.timeZone();
            copy.languages = update.languages().toArray(String[]::new);
            copy.version = update.version();
            copy.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return copies.persist(copy).replaceWithVoid();
        });
    }
}
