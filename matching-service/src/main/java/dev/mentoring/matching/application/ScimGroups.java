package dev.mentoring.matching.application;

import static dev.mentoring.matching.domain.scim.ResourceType.GROUP_SCHEMA;
import static dev.mentoring.matching.domain.scim.ResourceType.MENTORING_GROUP_SCHEMA;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.scim.Filter;
import dev.mentoring.matching.domain.scim.FilterParser;
import dev.mentoring.matching.domain.scim.ResourceType;
import dev.mentoring.matching.domain.scim.ScimException;
import dev.mentoring.matching.domain.scim.ScimJson;
import dev.mentoring.matching.domain.scim.ScimPatch;
import dev.mentoring.matching.events.ParticipantPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ScimGroup;
import dev.mentoring.matching.persistence.ScimGroupRepository;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * SCIM Groups (RFC 7644). Until programs exist, a group stands for a mentoring role: a member of a group with the role
 * MENTOR has the mentor role, of one with MENTEE the mentee role (the group's mentoring extension says which; left
 * out, a group named Mentors or Mentees takes that role). Joining such a group gives the role; leaving the last group
 * with it takes the role away; each change publishes participant.updated. A group without a role only groups people.
 */
@ApplicationScoped
public class ScimGroups {

    static final int MAX_MEMBERS = 10_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ScimGroupRepository groups;
    private final ParticipantRepository participants;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    ScimGroups(ScimGroupRepository groups, ParticipantRepository participants, Outbox outbox, Caller caller, Clock clock) {
        this.groups = groups;
        this.participants = participants;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** What a Group write says, checked. */
    record GroupWrite(String displayName, String externalId, String role, boolean roleGiven, Set<UUID> members) {
    }

    @WithTransaction
    public Uni<ObjectNode> create(JsonNode body) {
        String tenant = caller.tenant();
        GroupWrite write = read(ScimJson.resource(body, ResourceType.GROUP));
        ScimGroup group = new ScimGroup();
        group.id = UUID.randomUUID();
        group.tenant = tenant;
        group.createdAt = OffsetDateTime.now(clock);
        return save(tenant, group, write, Set.of(), null, true);
    }

    @WithSession
    public Uni<ObjectNode> get(UUID id) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(group -> groups.members(List.of(group.id)).map(members -> group(group, members)));
    }

    @WithSession
    public Uni<ScimUsers.Listed> list(String filterText, int startIndex, int count) {
        String tenant = caller.tenant();
        Filter filter = filterText == null || filterText.isBlank() ? null : FilterParser.filter(filterText, ResourceType.GROUP);
        int from = Math.max(1, startIndex);
        if (filter == null) {
            return groups.countOf(tenant).chain(total -> count == 0 ? Uni.createFrom().item(new ScimUsers.Listed(total, from, List.of()))
                    : groups.page(tenant, from - 1, count).chain(this::represent).map(page -> new ScimUsers.Listed(total, from, page)));
        }
        return groups.allOf(tenant).chain(this::represent).map(all -> {
            List<ObjectNode> matching = all.stream().filter(filter::test).toList();
            int start = Math.min(from - 1, matching.size());
            return new ScimUsers.Listed(matching.size(), from, matching.subList(start, Math.min(matching.size(), start + count)));
        });
    }

    @WithTransaction
    public Uni<ObjectNode> replace(UUID id, JsonNode body, String ifMatch) {
        String tenant = caller.tenant();
        GroupWrite write = read(ScimJson.resource(body, ResourceType.GROUP));
        return existing(tenant, id).chain(group -> groups.members(List.of(group.id)).chain(members -> {
            ScimUsers.checkVersion(ifMatch, version(group, members));
            return save(tenant, group, write, ids(members), group.role, false);
        }));
    }

    @WithTransaction
    public Uni<ObjectNode> patch(UUID id, JsonNode body, String ifMatch) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(group -> groups.members(List.of(group.id)).chain(members -> {
            ScimUsers.checkVersion(ifMatch, version(group, members));
            ObjectNode current = group(group, members);
            ObjectNode patched = ScimPatch.apply(current, body, ResourceType.GROUP);
            if (patched.equals(current)) {
                return Uni.createFrom().item(current);
            }
            if (!group.roleGiven && patched.get(MENTORING_GROUP_SCHEMA) instanceof ObjectNode mentoring
                    && java.util.Objects.equals(ScimUserMapping.text(mentoring, "role"), group.role)) {
                mentoring.remove("role"); // a role the name gave follows the name (a renamed "Mentors" loses it)
            }
            return save(tenant, group, read(patched), ids(members), group.role, false);
        }));
    }

    /** Deletes the group; its members lose its role unless another group gives it. */
    @WithTransaction
    public Uni<Void> delete(UUID id, String ifMatch) {
        String tenant = caller.tenant();
        return existing(tenant, id).chain(group -> groups.members(List.of(group.id)).chain(members -> {
            ScimUsers.checkVersion(ifMatch, version(group, members));
            Set<UUID> former = ids(members);
            String role = group.role;
            return groups.delete(group).call(groups::flush).chain(() -> roles(tenant, Set.of(), former, null, role));
        }));
    }

    private Uni<ObjectNode> save(String tenant, ScimGroup group, GroupWrite write, Set<UUID> before, String roleBefore, boolean created) {
        return groups.namedLike(tenant, write.displayName(), group.id).chain(other -> {
            if (other != null) {
                throw ScimException.uniqueness("displayName " + write.displayName() + " belongs to another Group");
            }
            return participants.idsInTenant(tenant, write.members());
        }).chain(found -> {
            Set<UUID> known = new HashSet<>(found);
            for (UUID member : write.members()) {
                if (!known.contains(member)) {
                    throw ScimException.invalidValue("members: " + member + " is no User of this tenant");
                }
            }
            Set<UUID> added = new LinkedHashSet<>(write.members());
            added.removeAll(before);
            Set<UUID> removed = new LinkedHashSet<>(before);
            removed.removeAll(write.members());
            if (!created && added.isEmpty() && removed.isEmpty() && write.displayName().equals(group.displayName)
                    && java.util.Objects.equals(write.externalId(), group.externalId) && java.util.Objects.equals(write.role(), group.role)
                    && write.roleGiven() == group.roleGiven) {
                // the same as stored: no new version
                return groups.members(List.of(group.id)).map(members -> group(group, members));
            }
            group.displayName = write.displayName();
            group.externalId = write.externalId();
            group.role = write.role();
            group.roleGiven = write.roleGiven();
            group.updatedAt = OffsetDateTime.now(clock);
            return groups.persistAndFlush(group)
                    .call(saved -> groups.removeMembers(saved.id, removed))
                    .call(saved -> groups.addMembers(saved.id, added))
                    .call(saved -> roles(tenant, write.members(), before, write.role(), roleBefore))
                    .chain(saved -> groups.members(List.of(saved.id)).map(members -> group(saved, members)));
        });
    }

    /**
     * The roles after a membership change: members of a group with a role have it; former members (or all members, when
     * the group's role changed) keep the old role only while another group gives it.
     */
    private Uni<Void> roles(String tenant, Set<UUID> now, Set<UUID> before, String role, String roleBefore) {
        Set<UUID> gaining = new HashSet<>(now);
        if (role != null && role.equals(roleBefore)) {
            gaining.removeAll(before);
        }
        Set<UUID> losing = new HashSet<>(before);
        if (roleBefore != null && roleBefore.equals(role)) {
            losing.removeAll(now);
        }
        Set<UUID> touched = new TreeSet<>();
        if (role != null) {
            touched.addAll(gaining);
        }
        if (roleBefore != null) {
            touched.addAll(losing);
        }
        // the people whose role may change are locked first (in id order): another group's change for one of them waits,
        // and then sees this one's memberships, so two changes at once cannot leave a role that no group gives
        return participants.lockedInTenant(tenant, touched).chain(people -> {
            Uni<List<UUID>> stillHolding = roleBefore == null || losing.isEmpty() ? Uni.createFrom().item(List.of())
                    : groups.holdingRole(losing, roleBefore);
            return stillHolding.chain(holding -> {
                losing.removeAll(holding);
                List<Participant> changed = new ArrayList<>();
                OffsetDateTime at = OffsetDateTime.now(clock);
                for (Participant p : people) {
                    String state = ProfileChanges.state(p);
                    if (roleBefore != null && losing.contains(p.id)) {
                        give(p, roleBefore, false);
                    }
                    if (role != null && gaining.contains(p.id)) {
                        give(p, role, true);
                    }
                    if (!state.equals(ProfileChanges.state(p))) {
                        p.updatedAt = at;
                        changed.add(p);
                    }
                }
                if (changed.isEmpty()) {
                    return Uni.createFrom().voidItem();
                }
                List<DomainEvent> events = new ArrayList<>();
                changed.forEach(p -> events.add(ParticipantPublisher.updated(p, false)));
                return participants.flush().chain(() -> outbox.appendAll(events));
            });
        });
    }

    private static void give(Participant p, String role, boolean has) {
        if (role.equals("MENTOR")) {
            ScimUserMapping.setMentor(p, has);
        } else {
            p.mentee = has;
        }
    }

    /** Reads and checks a canonical Group. */
    static GroupWrite read(ObjectNode group) {
        String displayName = ScimUserMapping.text(group, "displayName");
        if (displayName == null || displayName.isBlank()) {
            throw ScimException.invalidValue("displayName is required");
        }
        displayName = displayName.strip();
        if (displayName.length() > ScimUserMapping.MAX_STRING) {
            throw ScimException.invalidValue("displayName must be at most " + ScimUserMapping.MAX_STRING + " characters");
        }
        String externalId = ScimUserMapping.text(group, "externalId");
        if (externalId != null && externalId.length() > ScimUserMapping.MAX_STRING) {
            throw ScimException.invalidValue("externalId must be at most " + ScimUserMapping.MAX_STRING + " characters");
        }
        String role = ScimUserMapping.text(group.path(MENTORING_GROUP_SCHEMA), "role");
        boolean roleGiven = role != null;
        if (role != null) {
            role = role.strip().toUpperCase(Locale.ROOT);
            if (!role.equals("MENTOR") && !role.equals("MENTEE")) {
                throw ScimException.invalidValue(MENTORING_GROUP_SCHEMA + ":role must be MENTOR or MENTEE");
            }
        } else if (displayName.equalsIgnoreCase("mentors")) {
            role = "MENTOR";
        } else if (displayName.equalsIgnoreCase("mentees")) {
            role = "MENTEE";
        }
        Set<UUID> members = new LinkedHashSet<>();
        JsonNode list = group.path("members");
        int i = 0;
        for (JsonNode member : list) {
            String value = ScimUserMapping.text(member, "value");
            String type = ScimUserMapping.text(member, "type");
            if (type != null && !type.equalsIgnoreCase("User")) {
                throw ScimException.invalidValue("members[" + i + "].type: only Users are members (groups do not nest)");
            }
            UUID id = value == null ? null : ScimUsers.uuid(value.strip()).orElse(null);
            if (id == null) {
                throw ScimException.invalidValue("members[" + i + "].value must be a User's id");
            }
            members.add(id);
            i++;
        }
        if (members.size() > MAX_MEMBERS) {
            throw ScimException.invalidValue("members: at most " + MAX_MEMBERS + " in one group");
        }
        return new GroupWrite(displayName, externalId, role, roleGiven, members);
    }

    private Uni<List<ObjectNode>> represent(List<ScimGroup> page) {
        return groups.members(page.stream().map(g -> g.id).toList()).map(members -> {
            Map<UUID, List<ScimGroupRepository.Member>> byGroup = ScimGroupRepository.byGroup(members);
            return page.stream().map(g -> group(g, byGroup.getOrDefault(g.id, List.of()))).toList();
        });
    }

    /** The group as a SCIM Group (without meta.location). */
    static ObjectNode group(ScimGroup group, List<ScimGroupRepository.Member> members) {
        ObjectNode out = NODES.objectNode();
        out.putArray("schemas").add(GROUP_SCHEMA).add(MENTORING_GROUP_SCHEMA);
        out.put("id", group.id.toString());
        if (group.externalId != null) {
            out.put("externalId", group.externalId);
        }
        out.put("displayName", group.displayName);
        ArrayNode list = out.putArray("members");
        for (ScimGroupRepository.Member member : members) {
            list.addObject().put("value", member.participantId().toString()).put("display", member.display()).put("type", "User");
        }
        ObjectNode mentoring = out.putObject(MENTORING_GROUP_SCHEMA);
        mentoring.put("role", group.role);
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(group.createdAt));
        meta.put("lastModified", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(group.updatedAt));
        meta.put("version", version(group, members));
        return out;
    }

    /** The group's version: its row's, and what it shows of its members (their names change with the Users). */
    static String version(ScimGroup group, List<ScimGroupRepository.Member> members) {
        StringBuilder shown = new StringBuilder();
        members.forEach(m -> shown.append(m.participantId()).append('=').append(m.display()).append(';'));
        return ScimUserMapping.version(group.version, shown.toString());
    }

    private static Set<UUID> ids(List<ScimGroupRepository.Member> members) {
        Set<UUID> ids = new LinkedHashSet<>();
        members.forEach(m -> ids.add(m.participantId()));
        return ids;
    }

    private Uni<ScimGroup> existing(String tenant, UUID id) {
        return groups.findInTenant(tenant, id).map(g -> {
            if (g == null) {
                throw ScimException.notFound("Group " + id + " not found");
            }
            return g;
        });
    }
}
