package dev.mentoring.matching.events;

import java.util.List;

import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.contracts.Topics;

/** The participant events, keyed by participant id on {@link Topics#PARTICIPANT}. */
public final class ParticipantEvents {

    private ParticipantEvents() {
    }

    public static DomainEvent updated(Participant p, boolean created) {
        return event(p, ParticipantUpdated.TYPE, ParticipantUpdated.SCHEMA_VERSION,
                new ParticipantUpdated(p.id, p.employeeId, created, p.timeZone, List.of(p.languages), p.version, p.active,
                        p.mentor, p.mentee, p.mentor ? p.mentorCapacity : null, p.mentor ? p.mentorAccepting : null));
    }

    public static DomainEvent deactivated(Participant p) {
        return event(p, ParticipantDeactivated.TYPE, ParticipantDeactivated.SCHEMA_VERSION,
                new ParticipantDeactivated(p.id, p.employeeId));
    }

    public static DomainEvent erased(Participant p) {
        return event(p, ParticipantErased.TYPE, ParticipantErased.SCHEMA_VERSION, new ParticipantErased(p.id));
    }

    private static DomainEvent event(Participant p, String type, int version, Object payload) {
        return new DomainEvent(Topics.PARTICIPANT, p.id.toString(), type, version, "participants/" + p.id, p.tenant, payload);
    }
}
