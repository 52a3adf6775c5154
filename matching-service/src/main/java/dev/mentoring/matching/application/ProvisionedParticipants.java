package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.EmployeeId;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ScimGroupRepository;
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
public class ProvisionedParticipants {

    public static final int MAX_IMPORT = 1000;

    /** One person of an import: their employee id and profile, or what is wrong with the item as sent (then no profile). */
    public record ImportItem(String employeeId, ParticipantProfile profile, List<Problem.FieldError> errors) {
    }

    /** What an import did with one item. */
    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    /** What an import did with one item, by its index in the import; a rejected item says why. */
    public record ItemOutcome(int index, String employeeId, Outcome outcome, UUID participantId, String reason,
            List<Problem.FieldError> errors) {
    }

    /** What an import did: the counts, and each item's outcome in the order sent. */
    public record Imported(int created, int updated, int unchanged, int rejected, List<ItemOutcome> items) {
    }

    private final ParticipantRepository participants;
    private final ScimGroupRepository groups;
    private final Leavers leavers;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    ProvisionedParticipants(ParticipantRepository participants, ScimGroupRepository groups, Leavers leavers, Outbox outbox,
            Caller caller, Clock clock) {
        this.participants = participants;
        this.groups = groups;
        this.leavers = leavers;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Creates or replaces one person's whole profile; publishes participant.updated when anything changed. {@code ifMatch},
     * when sent, must name the profile's current version (412 otherwise); HR's syncs may leave it out.
     */
    @WithTransaction
    public Uni<SavedProfile> put(String employeeId, ParticipantProfile profile, String ifMatch) {
        requireEmployeeId(employeeId);
        String tenant = caller.tenant();
        return participants.findByEmployeeId(tenant, employeeId)
                .chain(existing -> {
                    boolean created = existing == null;
                    Participant participant = created ? newParticipant(tenant, employeeId) : existing;
                    if (participant.erasedAt != null) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Employee " + employeeId + " was erased; provision them under a new employee id"));
                    }
                    ProfileChanges.checkIfMatch(ifMatch, existing);
                    boolean changed = ProfileChanges.applyProvisioned(participant, profile);
                    if (!created && !changed) {
                        return Uni.createFrom().item(new SavedProfile(participant, false));
                    }
                    participant.updatedAt = OffsetDateTime.now(clock);
                    return participants.persistAndFlush(participant)
                            .call(saved -> outbox.append(ParticipantPublisher.updated(saved, created)))
                            .map(saved -> new SavedProfile(saved, created));
                });
    }

    /** The bulk import: a result per item; an invalid item is rejected whole and changes nothing. */
    @WithTransaction
    public Uni<Imported> importAll(List<ImportItem> items) {
        if (items.size() > MAX_IMPORT) {
            return Uni.createFrom().failure(new ProblemException(413, "Content Too Large",
                    "participants: at most " + MAX_IMPORT + " per import, got " + items.size() + "; nothing was imported",
                    List.of(new Problem.FieldError("participants", "must hold at most " + MAX_IMPORT + " items"))));
        }
        String tenant = caller.tenant();
        ItemOutcome[] results = new ItemOutcome[items.size()];
        Map<String, Integer> valid = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            ImportItem item = items.get(index);
            List<Problem.FieldError> errors = item.errors();
            String employeeId = item.employeeId();
            if (errors.isEmpty() && !seen.add(employeeId)) {
                errors = List.of(new Problem.FieldError("employeeId", "appears more than once in this import"));
            }
            if (!errors.isEmpty()) {
                results[index] = new ItemOutcome(index, employeeId, Outcome.REJECTED, null,
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
                    results[index] = new ItemOutcome(index, entry.getKey(), Outcome.REJECTED,
                            null, "employeeId: was erased", List.of(new Problem.FieldError("employeeId", "was erased")));
                    continue;
                }
                if (created) {
                    participant = newParticipant(tenant, entry.getKey());
                }
                boolean changed = ProfileChanges.applyProvisioned(participant, items.get(index).profile());
                Outcome outcome = created ? Outcome.CREATED : changed ? Outcome.UPDATED : Outcome.UNCHANGED;
                results[index] = new ItemOutcome(index, entry.getKey(), outcome, participant.id, null, List.of());
                if (created || changed) {
                    participant.updatedAt = OffsetDateTime.now(clock);
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

    /**
     * Deactivates (no new matches; publishes participant.deactivated; a leaver's running partnerships end and open
     * requests are withdrawn, see {@link Leavers}) or reactivates a person.
     */
    @WithTransaction
    public Uni<Participant> setActive(String employeeId, boolean active) {
        return existing(employeeId).chain(participant -> setActive(participant, active));
    }

    /** {@link #setActive(String, boolean)} of a participant loaded in the caller's transaction. */
    Uni<Participant> setActive(Participant participant, boolean active) {
        if (participant.active == active) {
            return Uni.createFrom().item(participant);
        }
        participant.active = active;
        participant.updatedAt = OffsetDateTime.now(clock);
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(active ? ParticipantPublisher.updated(saved, false) : ParticipantPublisher.deactivated(saved)))
                .call(saved -> active ? Uni.createFrom().voidItem() : leavers.left(saved, saved.updatedAt));
    }

    /**
     * Right to be forgotten: the personal data is removed, the id stays as a tombstone for history; the person leaves
     * ({@link Leavers}) and every text they wrote here goes.
     */
    @WithTransaction
    public Uni<Void> erase(String employeeId) {
        return existing(employeeId).chain(this::erase);
    }

    /** {@link #erase(String)} of a participant loaded in the caller's transaction; also takes them out of every group. */
    Uni<Void> erase(Participant participant) {
        String employeeId = participant.employeeId;
        participant.employeeId = "erased:" + participant.id;
        participant.userName = null;
        participant.externalId = null;
        participant.scim = null;
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
        participant.mentorBio = null;
        participant.mentorPreferredSeniority = new String[0];
        participant.mentorAccepting = false;
        participant.menteeGoals = null;
        participant.menteeDesiredSkills = new String[0];
        participant.menteePreferredIndustries = new String[0];
        participant.menteePreferredLeadership = null;
        participant.menteePreferredCommunication = null;
        participant.menteeOptedIn = false;
        participant.active = false;
        participant.erasedAt = OffsetDateTime.now(clock);
        participant.updatedAt = participant.erasedAt;
        return participants.persistAndFlush(participant)
                .call(saved -> outbox.append(ParticipantPublisher.erased(saved)))
                .call(saved -> leavers.left(saved, saved.erasedAt))
                .call(saved -> leavers.noLongerAdmin(saved.tenant, employeeId, saved.erasedAt))
                .call(leavers::eraseWordsOf)
                .call(saved -> groups.removeFromAll(saved.id))
                .replaceWithVoid();
    }

    private Uni<Participant> existing(String employeeId) {
        requireEmployeeId(employeeId);
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .map(p -> p != null && p.erasedAt == null ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant with employee id", employeeId));
    }

    private static Imported summarise(ItemOutcome[] results) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (ItemOutcome result : results) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        return new Imported(created, updated, unchanged, rejected, List.of(results));
    }

    Participant newParticipant(String tenant, String employeeId) {
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.tenant = tenant;
        participant.employeeId = employeeId;
        participant.createdAt = OffsetDateTime.now(clock);
        return participant;
    }

    static void requireEmployeeId(String employeeId) {
        if (!EmployeeId.isValid(employeeId)) {
            throw ProblemException.badRequest("employeeId", EmployeeId.RULE);
        }
    }
}
