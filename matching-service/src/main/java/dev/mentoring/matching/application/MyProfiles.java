package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.MyProfileRequest;
import dev.mentoring.matching.api.ParticipantView;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.idempotency.IdempotencyKeys;
import dev.mentoring.plumbing.idempotency.IdempotentAnswer;
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
    private final IdempotencyKeys idempotencyKeys;
    private final CallingPerson person;
    private final Caller caller;

    MyProfiles(ParticipantRepository participants, Outbox outbox, IdempotencyKeys idempotencyKeys, CallingPerson person,
            Caller caller) {
        this.participants = participants;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.person = person;
        this.caller = caller;
    }

    @WithSession
    public Uni<ParticipantView> mine() {
        String employeeId = personEmployeeId();
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant with employee id", employeeId))
                .map(ParticipantView::of);
    }

    /** Creates (201) or changes (200) the caller's profile; publishes participant.updated when anything changed. */
    @WithTransaction
    public Uni<IdempotentAnswer> putMine(MyProfileRequest request, String idempotencyKey) {
        String tenant = caller.tenant();
        String employeeId = personEmployeeId();
        return idempotencyKeys.once(idempotencyKey, "PUT /participants/me", request,
                () -> participants.findByEmployeeId(tenant, employeeId)
                        .chain(existing -> existing == null
                                ? create(tenant, employeeId, request)
                                : update(existing, request)));
    }

    private Uni<IdempotentAnswer> create(String tenant, String employeeId, MyProfileRequest request) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.tenant = tenant;
        participant.employeeId = employeeId;
        participant.subject = caller.subject();
        participant.createdAt = now();
        // a person who signs in before HR provisioned them takes the roles of their token
        participant.mentor = caller.hasRole("mentor");
        participant.mentorCapacity = participant.mentor ? ProfileEditor.DEFAULT_MENTOR_CAPACITY : 0;
        participant.mentorAccepting = participant.mentor;
        participant.mentee = caller.hasRole("mentee");
        ProfileEditor.applyOwn(participant, request);
        participant.updatedAt = now();
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(ParticipantPublisher.updated(saved, true)))
                .map(saved -> IdempotentAnswer.of(201, ParticipantView.of(saved)));
    }

    private Uni<IdempotentAnswer> update(Participant participant, MyProfileRequest request) {
        if (participant.erasedAt != null) {
            return Uni.createFrom().failure(ProblemException.notFound("Participant with employee id", participant.employeeId));
        }
        if (participant.subject == null) {
            participant.subject = caller.subject();
        }
        if (!ProfileEditor.applyOwn(participant, request)) {
            return Uni.createFrom().item(IdempotentAnswer.of(200, ParticipantView.of(participant)));
        }
        participant.updatedAt = now();
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(ParticipantPublisher.updated(saved, false)))
                .map(saved -> IdempotentAnswer.of(200, ParticipantView.of(saved)));
    }

    /** Only people have a profile of their own; a machine client's token has no employee id. */
    private String personEmployeeId() {
        return person.employeeId("has a profile of their own");
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
