package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MentorApplicationRules;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Applications and invitations to become a mentor. */
@ApplicationScoped
public class MentorApplicationRepository implements PanacheRepositoryBase<MentorApplication, UUID> {

    /** The person's open application or invitation, or null (read under the person's row lock). */
    public Uni<MentorApplication> openOf(UUID participantId) {
        return find("participantId = ?1 and state in ?2", participantId, MentorApplicationRules.OPEN).firstResult();
    }

    /** The person's applications and invitations, newest first, after the given one's place (from the start when null). */
    public Uni<List<MentorApplication>> ofPerson(UUID participantId, OffsetDateTime beforeCreated, UUID beforeId, int limit) {
        if (beforeCreated == null) {
            return find("participantId = ?1 order by createdAt desc, id desc", participantId).range(0, limit - 1).list();
        }
        return find("participantId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                participantId, beforeCreated, beforeId).range(0, limit - 1).list();
    }

    public Uni<MentorApplication> inTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** A leaver's open application or invitation is withdrawn (the platform's doing); answers how many. */
    public Uni<Integer> withdrawOpenOf(UUID participantId, OffsetDateTime at) {
        return update("state = ?1, decidedAt = ?2, version = version + 1 where participantId = ?3 and state in ?4",
                MentorApplicationRules.State.WITHDRAWN, at, participantId, MentorApplicationRules.OPEN);
    }

    /** Erasure: the areas the person wrote go. */
    public Uni<Integer> eraseWordsOf(UUID participantId) {
        return getSession().chain(s -> s.createNativeQuery("update mentor_application set would_mentor_in = '{}' where participant_id = ?1")
                .setParameter(1, participantId).executeUpdate());
    }

    /** A page of the tenant's applications, in a state or any, by id after the one given. */
    public Uni<List<MentorApplication>> page(String tenant, MentorApplicationRules.State state, UUID after, int rows) {
        List<Object> params = new ArrayList<>(List.of(tenant));
        StringBuilder query = new StringBuilder("tenant = ?1");
        if (state != null) {
            params.add(state);
            query.append(" and state = ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            query.append(" and id > ?").append(params.size());
        }
        return find(query + " order by id", params.toArray()).range(0, rows - 1).list();
    }
}
