package dev.mentoring.matching.events;

import java.util.List;

import dev.mentoring.contracts.ParticipantEvents;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.plumbing.outbox.DomainEvent;

/** What matching-service publishes about a participant: the contract's payloads made from the entity. */
public final class ParticipantPublisher {

    private ParticipantPublisher() {
    }

    public static DomainEvent updated(Participant p, boolean created) {
        return DomainEvent.of(p.tenant, ParticipantEvents.UPDATED, new ParticipantEvents.ParticipantUpdated(p.id, p.employeeId,
                created, p.timeZone, List.of(p.languages), p.version, p.active, p.mentor, p.mentee,
                p.mentor ? p.mentorCapacity : null, p.mentor ? p.mentorAccepting : null));
    }

    public static DomainEvent deactivated(Participant p) {
        return DomainEvent.of(p.tenant, ParticipantEvents.DEACTIVATED, new ParticipantEvents.ParticipantDeactivated(p.id, p.employeeId));
    }

    public static DomainEvent erased(Participant p) {
        return DomainEvent.of(p.tenant, ParticipantEvents.ERASED, new ParticipantEvents.ParticipantErased(p.id));
    }
}
