package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The caller's own participant profile: read it, create or change the part a person may edit. */
@ApplicationScoped
public class MyProfiles {

    private final ParticipantRepository participants;
    private final Outbox outbox;
    private final CallingPerson person;
    private final Caller caller;
    private final Clock clock;

    MyProfiles(ParticipantRepository participants, Outbox outbox, CallingPerson person, Caller caller, Clock clock) {
        this.participants = participants;
        this.outbox = outbox;
        this.person = person;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<Participant> mine() {
        String employeeId = personEmployeeId();
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant with employee id", employeeId));
    }

    /**
     * Creates or changes the caller's profile; publishes participant.updated when anything changed. {@code ifMatch}, when
     * sent, must name the profile's current version (412 otherwise); the version check on writing catches a change
     * that slips in between (409).
     */
    @WithTransaction
    public Uni<SavedProfile> putMine(ParticipantProfile own, String ifMatch) {
        String tenant = caller.tenant();
        String employeeId = personEmployeeId();
        // the caller read before the query: a continuation may not have the request's context
        String subject = caller.subject();
        boolean mentor = caller.hasRole("mentor");
        boolean mentee = caller.hasRole("mentee");
        return participants.findByEmployeeId(tenant, employeeId).chain(existing -> {
            if (existing != null && existing.erasedAt != null) {
                return Uni.createFrom().failure(ProblemException.notFound("Participant with employee id", existing.employeeId));
            }
            ProfileChanges.checkIfMatch(ifMatch, existing);
            return existing == null ? create(tenant, employeeId, subject, mentor, mentee, own) : update(existing, subject, own);
        });
    }

    private Uni<SavedProfile> create(String tenant, String employeeId, String subject, boolean mentor, boolean mentee,
            ParticipantProfile own) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.tenant = tenant;
        participant.employeeId = employeeId;
        participant.subject = subject;
        participant.createdAt = OffsetDateTime.now(clock);
        // a person who signs in before HR provisioned them takes the roles of their token
        participant.mentor = mentor;
        participant.mentorCapacity = participant.mentor ? ProfileChanges.DEFAULT_MENTOR_CAPACITY : 0;
        participant.mentorAccepting = participant.mentor;
        participant.mentee = mentee;
        ProfileChanges.applyOwn(participant, own);
        participant.updatedAt = OffsetDateTime.now(clock);
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(ParticipantPublisher.updated(saved, true)))
                .map(saved -> new SavedProfile(saved, true));
    }

    private Uni<SavedProfile> update(Participant participant, String subject, ParticipantProfile own) {
        if (participant.subject == null) {
            participant.subject = subject;
        }
        if (!ProfileChanges.applyOwn(participant, own)) {
            return Uni.createFrom().item(new SavedProfile(participant, false));
        }
        participant.updatedAt = OffsetDateTime.now(clock);
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(ParticipantPublisher.updated(saved, false)))
                .map(saved -> new SavedProfile(saved, false));
    }

    /** Only people have a profile of their own; a machine client's token has no employee id. */
    private String personEmployeeId() {
        return person.employeeId("has a profile of their own");
    }
}
