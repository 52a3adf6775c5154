package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.ParticipantView;
import dev.mentoring.matching.domain.ProfileChange;
import dev.mentoring.matching.events.ParticipantUpdated;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.idempotency.IdempotencyKeys;
import dev.mentoring.plumbing.idempotency.IdempotentAnswer;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.outbox.Topics;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The caller's own participant profile: read it, create or change it. */
@ApplicationScoped
public class MyProfiles {

    private final ParticipantRepository participants;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;

    MyProfiles(ParticipantRepository participants, Outbox outbox, IdempotencyKeys idempotencyKeys, Caller caller) {
        this.participants = participants;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
    }

    @WithSession
    public Uni<ParticipantView> mine() {
        String employeeId = personEmployeeId();
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant with employee id", employeeId))
                .map(ParticipantView::of);
    }

    /**
     * One participant by id, for the person themselves, their tenant's program admins and HR platform.
     * Anyone else, and every caller of another tenant, gets 404 as if the id did not exist.
     */
    @WithSession
    public Uni<ParticipantView> byId(UUID id) {
        String tenant = caller.tenant();
        return participants.findInTenant(tenant, id)
                .map(participant -> participant != null && maySee(participant) ? ParticipantView.of(participant) : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant", id));
    }

    private boolean maySee(Participant participant) {
        return caller.hasRole("program-admin") || caller.hasRole("integration")
                || caller.employeeId().map(participant.employeeId::equals).orElse(false);
    }

    /** Creates (201) or changes (200) the caller's profile; publishes participant.updated when anything changed. */
    @WithTransaction
    public Uni<IdempotentAnswer> putMine(ProfileChange change, String idempotencyKey) {
        String tenant = caller.tenant();
        String employeeId = personEmployeeId();
        return idempotencyKeys.once(idempotencyKey, "PUT /participants/me", change,
                () -> participants.findByEmployeeId(tenant, employeeId)
                        .chain(existing -> existing == null
                                ? create(tenant, employeeId, change)
                                : update(existing, change)));
    }

    private Uni<IdempotentAnswer> create(String tenant, String employeeId, ProfileChange change) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.tenant = tenant;
        participant.employeeId = employeeId;
        participant.subject = caller.subject();
        participant.createdAt = now();
        apply(participant, change);
        return participants.persistAndFlush(participant)
                .call(saved -> publishUpdated(saved, true))
                .map(saved -> IdempotentAnswer.of(201, ParticipantView.of(saved)));
    }

    private Uni<IdempotentAnswer> update(Participant participant, ProfileChange change) {
        if (participant.subject == null) {
            participant.subject = caller.subject();
        }
        if (!change.differsFrom(participant.displayName, participant.timeZone, participant.languages)) {
            return Uni.createFrom().item(IdempotentAnswer.of(200, ParticipantView.of(participant)));
        }
        apply(participant, change);
        return participants.persistAndFlush(participant)
                .call(saved -> publishUpdated(saved, false))
                .map(saved -> IdempotentAnswer.of(200, ParticipantView.of(saved)));
    }

    private static void apply(Participant participant, ProfileChange change) {
        participant.displayName = change.displayName();
        participant.timeZone = change.timeZone();
        participant.languages = change.languageArray();
        participant.updatedAt = now();
    }

    private Uni<UUID> publishUpdated(Participant participant, boolean created) {
        ParticipantUpdated payload = new ParticipantUpdated(participant.id, participant.employeeId, created,
                participant.timeZone, List.of(participant.languages), participant.version);
        return outbox.append(new DomainEvent(Topics.PARTICIPANT, participant.id.toString(), ParticipantUpdated.TYPE,
                ParticipantUpdated.SCHEMA_VERSION, "participants/" + participant.id, participant.tenant, payload));
    }

    /** Only people have a profile of their own; a machine client's token has no employee id. */
    private String personEmployeeId() {
        return caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) has a profile of their own"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
