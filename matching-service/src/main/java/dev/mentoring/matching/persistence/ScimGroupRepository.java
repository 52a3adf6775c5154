package dev.mentoring.matching.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** SCIM groups and their members, always within one tenant. */
@ApplicationScoped
public class ScimGroupRepository implements PanacheRepositoryBase<ScimGroup, UUID> {

    /** A member of a group: the participant and the name shown for them. */
    public record Member(UUID groupId, UUID participantId, String display) {
    }

    /** A group a participant is in. */
    public record Membership(UUID participantId, UUID groupId, String groupName, String role) {
    }

    public Uni<ScimGroup> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** Another group of the tenant with this name in any letter case, if any. */
    public Uni<ScimGroup> namedLike(String tenant, String displayName, UUID except) {
        return find("tenant = ?1 and lower(displayName) = lower(?2) and id <> ?3", tenant, displayName, except).firstResult();
    }

    /** The tenant's groups, oldest first, from the 0-based offset. */
    public Uni<List<ScimGroup>> page(String tenant, int offset, int limit) {
        return find("tenant = ?1", Sort.by("createdAt").and("id"), tenant).range(offset, offset + limit - 1).list();
    }

    /** All of the tenant's groups, oldest first (a filter is tested on each). */
    public Uni<List<ScimGroup>> allOf(String tenant) {
        return find("tenant = ?1", Sort.by("createdAt").and("id"), tenant).list();
    }

    public Uni<Long> countOf(String tenant) {
        return count("tenant = ?1", tenant);
    }

    /** The members of these groups, by name. */
    public Uni<List<Member>> members(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                select m.group_id, m.participant_id, p.display_name from scim_group_member m
                join participant p on p.id = m.participant_id
                where m.group_id = any(cast(?1 as uuid[])) order by p.display_name, p.id""", Object[].class)
                .setParameter(1, groupIds.toArray(UUID[]::new)).getResultList())
                .map(rows -> rows.stream().map(row -> new Member((UUID) row[0], (UUID) row[1], (String) row[2])).toList());
    }

    /** The groups these participants are in. */
    public Uni<List<Membership>> groupsOf(Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                select m.participant_id, g.id, g.display_name, g.role from scim_group_member m
                join scim_group g on g.id = m.group_id
                where m.participant_id = any(cast(?1 as uuid[])) order by g.display_name, g.id""", Object[].class)
                .setParameter(1, participantIds.toArray(UUID[]::new)).getResultList())
                .map(rows -> rows.stream().map(row -> new Membership((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3]))
                        .toList());
    }

    /** The groups' members by group. */
    public static Map<UUID, List<Member>> byGroup(List<Member> members) {
        Map<UUID, List<Member>> byGroup = new HashMap<>();
        members.forEach(m -> byGroup.computeIfAbsent(m.groupId(), id -> new ArrayList<>()).add(m));
        return byGroup;
    }

    /** Adds these participants to the group (those already in stay). */
    public Uni<Integer> addMembers(UUID groupId, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                insert into scim_group_member (group_id, participant_id)
                select ?1, p from unnest(cast(?2 as uuid[])) p on conflict do nothing""")
                .setParameter(1, groupId).setParameter(2, participantIds.toArray(UUID[]::new)).executeUpdate());
    }

    /** Takes these participants out of the group. */
    public Uni<Integer> removeMembers(UUID groupId, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return getSession().chain(session -> session.createNativeQuery("""
                delete from scim_group_member where group_id = ?1 and participant_id = any(cast(?2 as uuid[]))""")
                .setParameter(1, groupId).setParameter(2, participantIds.toArray(UUID[]::new)).executeUpdate());
    }

    /** Takes a participant out of every group (erasure). */
    public Uni<Integer> removeFromAll(UUID participantId) {
        return getSession().chain(session -> session.createNativeQuery("delete from scim_group_member where participant_id = ?1")
                .setParameter(1, participantId).executeUpdate());
    }

    /** Which of these participants are, after this transaction's changes, in some group with the role. */
    public Uni<List<UUID>> holdingRole(Collection<UUID> participantIds, String role) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery("""
                select distinct m.participant_id from scim_group_member m join scim_group g on g.id = m.group_id
                where m.participant_id = any(cast(?1 as uuid[])) and g.role = ?2""", UUID.class)
                .setParameter(1, participantIds.toArray(UUID[]::new)).setParameter(2, role).getResultList());
    }
}
