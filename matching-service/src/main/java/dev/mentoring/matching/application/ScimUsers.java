package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.EmployeeId;
import dev.mentoring.matching.domain.scim.Filter;
import dev.mentoring.matching.domain.scim.FilterParser;
import dev.mentoring.matching.domain.scim.ResourceType;
import dev.mentoring.matching.domain.scim.ScimException;
import dev.mentoring.matching.domain.scim.ScimJson;
import dev.mentoring.matching.domain.scim.ScimPatch;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ScimGroupRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * SCIM Users (RFC 7644) over the tenant's participants: create, read, list with filters, replace, patch and delete.
 * A write publishes what the provisioning API's would: participant.updated when anything an event carries changed,
 * participant.deactivated (and the leaver's partnerships end) when active turns false, participant.erased on delete.
 */
@ApplicationScoped
public class ScimUsers {

    /** One page of a list, as SCIM answers it. */
    public record Listed(long totalResults, int startIndex, List<ObjectNode> resources) {
    }

    private final ParticipantRepository participants;
    private final ScimGroupRepository groups;
    private final ProvisionedParticipants provisioning;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    ScimUsers(ParticipantRepository participants, ScimGroupRepository groups, ProvisionedParticipants provisioning, Outbox outbox,
            Caller caller, Clock clock) {
        this.participants = participants;
        this.groups = groups;
        this.provisioning = provisioning;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Creates a User. A participant provisioned before through the provisioning API, with this employee id and no
     * userName yet, is taken over instead of refused: an HR platform that moves to SCIM keeps its people.
     */
    @WithTransaction
    public Uni<ObjectNode> create(JsonNode body) {
        String tenant = caller.tenant();
        ScimUserMapping.UserWrite write = ScimUserMapping.read(ScimJson.resource(body, ResourceType.USER));
        String employeeId = ScimUserMapping.employeeIdForNew(write);
        return participants.findByEmployeeId(tenant, employeeId).chain(existing -> {
            // a person provisioned before is taken over only when the identity provider names their employee id itself
            if (existing != null && (existing.userName != null || existing.erasedAt != null || write.employeeNumber() == null)) {
                return Uni.createFrom().failure(ScimException.uniqueness(existing.erasedAt != null
                        ? "employee id " + employeeId + " was erased: provision the person under a new employeeNumber"
                        : "employee id " + employeeId + " (from " + (write.employeeNumber() != null ? "employeeNumber"
                                : employeeId.equals(write.externalId()) ? "externalId" : "userName") + ") belongs to another User"));
            }
            Participant participant = existing != null ? existing : provisioning.newParticipant(tenant, employeeId);
            return save(tenant, participant, write, existing == null);
        });
    }

    @WithSession
    public Uni<ObjectNode> get(UUID id) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(this::represent);
    }

    /** A page of the tenant's Users matching the filter (all when none), from the 1-based startIndex. */
    @WithSession
    public Uni<Listed> list(String filterText, int startIndex, int count) {
        String tenant = caller.tenant();
        Filter filter = filterText == null || filterText.isBlank() ? null : FilterParser.filter(filterText, ResourceType.USER);
        int from = Math.max(1, startIndex);
        if (filter == null) {
            return participants.scimCount(tenant).chain(total -> count == 0 ? Uni.createFrom().item(new Listed(total, from, List.of()))
                    : participants.scimPage(tenant, from - 1, count).chain(this::represent)
                            .map(page -> new Listed(total, from, page)));
        }
        return candidates(tenant, filter).chain(this::represent).map(all -> {
            List<ObjectNode> matching = all.stream().filter(filter::test).toList();
            int start = Math.min(from - 1, matching.size());
            return new Listed(matching.size(), from, matching.subList(start, Math.min(matching.size(), start + count)));
        });
    }

    /** PUT: the whole User as sent; attributes left out are cleared (the mentoring extension left out keeps the roles). */
    @WithTransaction
    public Uni<ObjectNode> replace(UUID id, JsonNode body, String ifMatch) {
        String tenant = caller.tenant();
        ObjectNode user = ScimJson.resource(body, ResourceType.USER);
        return existing(tenant, id).chain(participant -> groups.groupsOf(List.of(participant.id)).chain(memberships -> {
            checkVersion(ifMatch, participant, memberships);
            return save(tenant, participant, ScimUserMapping.read(user), false);
        }));
    }

    /** PATCH: the operations applied to the User as it is, then saved as a PUT of the result would be. */
    @WithTransaction
    public Uni<ObjectNode> patch(UUID id, JsonNode body, String ifMatch) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(participant -> groups.groupsOf(List.of(participant.id)).chain(memberships -> {
            checkVersion(ifMatch, participant, memberships);
            ObjectNode current = ScimUserMapping.user(participant, memberships);
            ObjectNode patched = ScimPatch.apply(current, body, ResourceType.USER);
            if (patched.equals(current)) {
                return Uni.createFrom().item(current);
            }
            ScimUserMapping.removed(current, patched);
            return save(tenant, participant, ScimUserMapping.read(patched), false);
        }));
    }

    /**
     * DELETE erases the person (the provisioning API's erase): personal data and texts go, running partnerships end;
     * the User is gone (404 after). Identity providers deprovision with active false first; a delete means the person
     * is to be forgotten.
     */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(participant -> groups.groupsOf(List.of(participant.id)).chain(memberships -> {
            checkVersion(ifMatch, participant, memberships);
            return provisioning.erase(participant);
        }));
    }

    private Uni<ObjectNode> save(String tenant, Participant participant, ScimUserMapping.UserWrite write, boolean created) {
        return checkUnique(tenant, participant, write)
                .chain(() -> managerEmployeeId(tenant, write.managerValue()))
                .chain(managerEmployeeId -> {
                    String before = ProfileChanges.state(participant);
                    String employeeBefore = participant.employeeId;
                    String storedBefore = ScimUserMapping.stored(participant);
                    boolean wasActive = participant.active;
                    ScimUserMapping.apply(write, participant, managerEmployeeId);
                    boolean deactivating = write.active() != null && wasActive && !write.active();
                    boolean reactivating = write.active() != null && !wasActive && write.active();
                    // what the event carries: the profile and the employee id
                    boolean changed = !before.equals(ProfileChanges.state(participant)) || !employeeBefore.equals(participant.employeeId);
                    Uni<Participant> saved;
                    if (created || !storedBefore.equals(ScimUserMapping.stored(participant))) {
                        participant.updatedAt = OffsetDateTime.now(clock);
                        saved = participants.persistAndFlush(participant);
                    } else {
                        saved = Uni.createFrom().item(participant); // the same as stored: no new version
                    }
                    if (created || changed) {
                        saved = saved.call(p -> outbox.append(ParticipantPublisher.updated(p, created)));
                    }
                    if (deactivating || reactivating) {
                        saved = saved.chain(p -> provisioning.setActive(p, reactivating));
                    }
                    return saved.chain(this::represent);
                });
    }

    /** userName is unique per tenant in any letter case, also against the employee ids of people without a userName. */
    private Uni<Void> checkUnique(String tenant, Participant participant, ScimUserMapping.UserWrite write) {
        Uni<Void> employee = write.employeeNumber() == null || write.employeeNumber().equals(participant.employeeId)
                ? Uni.createFrom().voidItem()
                : participants.findByEmployeeId(tenant, write.employeeNumber()).map(other -> {
                    if (other != null && !other.id.equals(participant.id)) {
                        throw ScimException.uniqueness(ResourceType.ENTERPRISE_SCHEMA + ":employeeNumber " + write.employeeNumber()
                                + " belongs to another User");
                    }
                    return null;
                }).replaceWithVoid();
        return employee.chain(() -> participants.byScimUserName(tenant, write.userName())).map(same -> {
            if (same.stream().anyMatch(other -> !other.id.equals(participant.id))) {
                throw ScimException.uniqueness("userName " + write.userName() + " belongs to another User");
            }
            return null;
        }).replaceWithVoid();
    }

    /** The manager's employee id: manager.value names a User's id here, or an employee id. */
    private Uni<String> managerEmployeeId(String tenant, String value) {
        if (value == null || value.isBlank()) {
            return Uni.createFrom().nullItem();
        }
        String given = value.strip();
        Optional<UUID> id = uuid(given);
        Uni<Participant> manager = id.isPresent() ? participants.findInTenant(tenant, id.get()) : Uni.createFrom().nullItem();
        return manager.map(found -> {
            if (found != null && found.erasedAt == null) {
                return found.employeeId;
            }
            if (EmployeeId.isValid(given)) {
                return given;
            }
            throw ScimException.invalidValue(ResourceType.ENTERPRISE_SCHEMA + ":manager.value must be a User's id or an employee id");
        });
    }

    /**
     * The participants a filter can match: a top-level {@code userName eq}, {@code externalId eq} or {@code id eq} (also
     * inside an {@code and}) is looked up directly; any other filter is tested on each of the tenant's Users.
     */
    private Uni<List<Participant>> candidates(String tenant, Filter filter) {
        Filter.Compare key = lookupKey(filter);
        if (key != null) {
            String attribute = key.path().attribute().name();
            String value = key.value().textValue();
            switch (attribute) {
                case "userName" -> {
                    return participants.byScimUserName(tenant, value);
                }
                case "externalId" -> {
                    return participants.byExternalId(tenant, value);
                }
                default -> {
                    return uuid(value).map(id -> participants.inTenant(tenant, List.of(id))).orElse(Uni.createFrom().item(List.of()));
                }
            }
        }
        return participants.scimAll(tenant);
    }

    /** An equality on userName, externalId or id that every match must satisfy. */
    static Filter.Compare lookupKey(Filter filter) {
        if (filter instanceof Filter.And and) {
            Filter.Compare left = lookupKey(and.left());
            return left != null ? left : lookupKey(and.right());
        }
        if (filter instanceof Filter.Compare compare && compare.operator() == Filter.Operator.EQ && compare.value().isTextual()
                && compare.path().urn() == null && compare.path().sub() == null
                && List.of("userName", "externalId", "id").contains(compare.path().attribute().name())) {
            return compare;
        }
        return null;
    }

    private Uni<ObjectNode> represent(Participant participant) {
        return groups.groupsOf(List.of(participant.id)).map(memberships -> ScimUserMapping.user(participant, memberships));
    }

    private Uni<List<ObjectNode>> represent(List<Participant> page) {
        return groups.groupsOf(page.stream().map(p -> p.id).toList()).map(memberships -> {
            Map<UUID, List<ScimGroupRepository.Membership>> byParticipant = new HashMap<>();
            memberships.forEach(m -> byParticipant.computeIfAbsent(m.participantId(), k -> new ArrayList<>()).add(m));
            return page.stream().map(p -> ScimUserMapping.user(p, byParticipant.getOrDefault(p.id, List.of()))).toList();
        });
    }

    private Uni<Participant> existing(String tenant, UUID id) {
        return participants.findInTenant(tenant, id).map(p -> {
            if (p == null || p.erasedAt != null) {
                throw ScimException.notFound("User " + id + " not found");
            }
            return p;
        });
    }

    private static void checkVersion(String ifMatch, Participant participant, List<ScimGroupRepository.Membership> memberships) {
        checkVersion(ifMatch, ScimUserMapping.version(participant.version, ScimUserMapping.shownGroups(memberships)));
    }

    /** If-Match, when sent, must name the current version (weak or strong), or be {@code *}. */
    static void checkVersion(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String wanted = current.startsWith("W/") ? current.substring(2) : current;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(wanted)) {
                return;
            }
        }
        throw ScimException.preconditionFailed("If-Match names another version than the current " + current);
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
