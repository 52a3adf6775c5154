package dev.mentoring.matching.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.mentoring.matching.api.ImportRequest;
import dev.mentoring.matching.api.ImportResult;
import dev.mentoring.matching.api.ParticipantView;
import dev.mentoring.matching.api.ProfileRequest;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.idempotency.IdempotencyKeys;
import dev.mentoring.plumbing.idempotency.IdempotentAnswer;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * HR platforms provision their people, keyed by their own employee id: one at a time (idempotent PUT),
 * in bulk (up to 1,000, each item validated on its own, valid items applied in one transaction), and
 * deactivate, reactivate or erase them.
 */
@ApplicationScoped
public class Provisioning {

    /** An HR employee id: 1-64 letters, digits or . _ : - */
    public static final Pattern EMPLOYEE_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    public static final int MAX_IMPORT = 1000;

    private final ParticipantRepository participants;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys;
    private final Caller caller;
    private final Validator validator;

    Provisioning(ParticipantRepository participants, Outbox outbox, IdempotencyKeys idempotencyKeys, Caller caller,
            Validator validator) {
        this.participants = participants;
        this.outbox = outbox;
        this.idempotencyKeys = idempotencyKeys;
        this.caller = caller;
        this.validator = validator;
    }

    @WithTransaction
    public Uni<IdempotentAnswer> put(String employeeId, ProfileRequest request, String idempotencyKey) {
        requireEmployeeId(employeeId);
        String tenant = caller.tenant();
        return idempotencyKeys.once(idempotencyKey, "PUT /participants/by-employee-id/" + employeeId, request,
                () -> participants.findByEmployeeId(tenant, employeeId)
                        .chain(existing -> {
                            boolean created = existing == null;
                            Participant participant = created ? newParticipant(tenant, employeeId) : existing;
                            if (participant.erasedAt != null) {
                                return Uni.createFrom().failure(ProblemException.conflict(
                                        "Employee " + employeeId + " was erased; provision them under a new employee id"));
                            }
                            boolean changed = ProfileEditor.applyProvisioned(participant, request);
                            if (!created && !changed) {
                                return Uni.createFrom().item(IdempotentAnswer.of(200, ParticipantView.of(participant)));
                            }
                            participant.updatedAt = MyProfiles.now();
                            return participants.persistAndFlush(participant)
                                    .call(saved -> outbox.append(ParticipantPublisher.updated(saved, created)))
                                    .map(saved -> IdempotentAnswer.of(created ? 201 : 200, ParticipantView.of(saved)));
                        }));
    }

    /** The bulk import: a result per item; an invalid item is rejected whole and changes nothing. */
    @WithTransaction
    public Uni<ImportResult> importAll(ImportRequest request) {
        List<ImportRequest.Item> items = request.participants();
        if (items.size() > MAX_IMPORT) {
            return Uni.createFrom().failure(new ProblemException(413, "Content Too Large",
                    "participants: at most " + MAX_IMPORT + " per import, got " + items.size() + "; nothing was imported",
                    List.of(new Problem.FieldError("participants", "must hold at most " + MAX_IMPORT + " items"))));
        }
        String tenant = caller.tenant();
        ImportResult.ItemResult[] results = new ImportResult.ItemResult[items.size()];
        Map<String, Integer> valid = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            ImportRequest.Item item = items.get(index);
            List<Problem.FieldError> errors = validate(item);
            String employeeId = item == null ? null : item.employeeId();
            if (errors.isEmpty() && !seen.add(employeeId)) {
                errors = List.of(new Problem.FieldError("employeeId", "appears more than once in this import"));
            }
            if (!errors.isEmpty()) {
                results[index] = new ImportResult.ItemResult(index, employeeId, ImportResult.Outcome.REJECTED, null,
                        errors.get(0).field() + ": " + errors.get(0).message(), errors);
            } else {
                valid.put(employeeId, index);
            }
        }
        return participants.findByEmployeeIds(tenant, valid.keySet()).chain(existing -> {
            Map<String, Participant> byEmployee = new HashMap<>();
            existing.forEach(p -> byEmployee.put(p.employeeId, p));
            List<Participant> toSave = new ArrayList<>();
            List<Boolean> createdFlags = new ArrayList<>();
            for (Map.Entry<String, Integer> entry : valid.entrySet()) {
                int index = entry.getValue();
                Participant participant = byEmployee.get(entry.getKey());
                boolean created = participant == null;
                if (!created && participant.erasedAt != null) {
                    results[index] = new ImportResult.ItemResult(index, entry.getKey(), ImportResult.Outcome.REJECTED,
                            null, "employeeId: was erased", List.of(new Problem.FieldError("employeeId", "was erased")));
                    continue;
                }
                if (created) {
                    participant = newParticipant(tenant, entry.getKey());
                }
                boolean changed = ProfileEditor.applyProvisioned(participant, items.get(index).profile());
                ImportResult.Outcome outcome = created ? ImportResult.Outcome.CREATED
                        : changed ? ImportResult.Outcome.UPDATED : ImportResult.Outcome.UNCHANGED;
                results[index] = new ImportResult.ItemResult(index, entry.getKey(), outcome, participant.id, null, List.of());
                if (created || changed) {
                    participant.updatedAt = MyProfiles.now();
                    toSave.add(participant);
                    createdFlags.add(created);
                }
            }
            Uni<Void> saved = toSave.isEmpty() ? Uni.createFrom().voidItem()
                    : participants.persist(toSave).call(() -> participants.flush());
            return saved
                    .call(() -> {
                        List<DomainEvent> events = new ArrayList<>();
                        for (int i = 0; i < toSave.size(); i++) {
                            events.add(ParticipantPublisher.updated(toSave.get(i), createdFlags.get(i)));
                        }
                        return outbox.appendAll(events);
                    })
                    .map(done -> summarise(results));
        });
    }

    @WithTransaction
    public Uni<ParticipantView> setActive(String employeeId, boolean active) {
        return existing(employeeId).chain(participant -> {
            if (participant.active == active) {
                return Uni.createFrom().item(ParticipantView.of(participant));
            }
            participant.active = active;
            participant.updatedAt = MyProfiles.now();
            return participants.persistAndFlush(participant)
                    .call(saved -> outbox.append(active ? ParticipantPublisher.updated(saved, false) : ParticipantPublisher.deactivated(saved)))
                    .map(ParticipantView::of);
        });
    }

    /** Right to be forgotten: the personal data is removed, the id stays as a tombstone for history. */
    @WithTransaction
    public Uni<Void> erase(String employeeId) {
        return existing(employeeId).chain(participant -> {
            participant.employeeId = "erased:" + participant.id;
            participant.subject = null;
            participant.displayName = "Erased participant";
            participant.managerEmployeeId = null;
            participant.skills = new String[0];
            participant.industries = new String[0];
            participant.expertise = new String[0];
            participant.leadershipStyle = null;
            participant.communicationStyle = null;
            participant.yearsOfExperience = 0;
            participant.mentorWouldMentorIn = new String[0];
            participant.mentorPreferredSeniority = new String[0];
            participant.mentorAccepting = false;
            participant.menteeGoals = null;
            participant.menteeDesiredSkills = new String[0];
            participant.menteePreferredIndustries = new String[0];
            participant.menteePreferredLeadership = null;
            participant.menteePreferredCommunication = null;
            participant.menteeOptedIn = false;
            participant.active = false;
            participant.erasedAt = MyProfiles.now();
            participant.updatedAt = participant.erasedAt;
            return participants.persistAndFlush(participant)
                    .call(saved -> outbox.append(ParticipantPublisher.erased(saved)))
                    .replaceWithVoid();
        });
    }

    private Uni<Participant> existing(String employeeId) {
        requireEmployeeId(employeeId);
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .map(p -> p != null && p.erasedAt == null ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant with employee id", employeeId));
    }

    private List<Problem.FieldError> validate(ImportRequest.Item item) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (item == null) {
            errors.add(new Problem.FieldError("item", "must not be null"));
            return errors;
        }
        if (item.employeeId() == null || !EMPLOYEE_ID.matcher(item.employeeId()).matches()) {
            errors.add(new Problem.FieldError("employeeId", "must be 1-64 letters, digits or . _ : -"));
        }
        if (item.profile() == null) {
            errors.add(new Problem.FieldError("profile", "must not be null"));
            return errors;
        }
        for (ConstraintViolation<ProfileRequest> violation : validator.validate(item.profile())) {
            errors.add(new Problem.FieldError("profile." + violation.getPropertyPath(), violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    private static ImportResult summarise(ImportResult.ItemResult[] results) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (ImportResult.ItemResult result : results) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        return new ImportResult(created, updated, unchanged, rejected, List.of(results));
    }

    private Participant newParticipant(String tenant, String employeeId) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.tenant = tenant;
        participant.employeeId = employeeId;
        participant.createdAt = MyProfiles.now();
        return participant;
    }

    static void requireEmployeeId(String employeeId) {
        if (employeeId == null || !EMPLOYEE_ID.matcher(employeeId).matches()) {
            throw ProblemException.badRequest("employeeId", "must be 1-64 letters, digits or . _ : -");
        }
    }
}
