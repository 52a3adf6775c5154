package dev.mentoring.feedback.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The last computed health of each partnership. */
@ApplicationScoped
public class PartnershipHealthRepository implements PanacheRepositoryBase<PartnershipHealth, UUID> {

    /** The health of the tenant's partnership, or null when none was computed (or it is another tenant's). */
    public Uni<PartnershipHealth> ofPartnership(String tenant, UUID partnershipId) {
        return find("tenant = ?1 and partnershipId = ?2", tenant, partnershipId).firstResult();
    }

    /**
     * Up to {@code rows} of the tenant's partnerships' health in a state (any when null), ordered by partnership id,
     * after the one given (from the start when null). The state is the program admins' one, but for the partnerships in
     * {@code sharedFor} (the calling admin's own), whose state is the one their two people see. Only one program's
     * partnerships when {@code programId} is given.
     */
    public Uni<List<PartnershipHealth>> ofTenant(String tenant, String state, List<UUID> sharedFor, UUID programId, UUID after, int rows) {
        List<Object> params = new ArrayList<>(List.of(tenant));
        StringBuilder query = new StringBuilder("tenant = ?1");
        if (programId != null) {
            params.add(programId);
            query.append(" and partnershipId in (select p.id from PartnershipCopy p where p.tenant = ?1 and p.programId = ?")
                    .append(params.size()).append(")");
        }
        if (state != null && sharedFor.isEmpty()) {
            params.add(state);
            query.append(" and state = ?").append(params.size());
        } else if (state != null) {
            params.add(state);
            params.add(sharedFor);
            int s = params.size() - 1;
            query.append(" and ((partnershipId in ?").append(s + 1).append(" and coalesce(sharedState, state) = ?").append(s)
                    .append(") or (partnershipId not in ?").append(s + 1).append(" and state = ?").append(s).append("))");
        }
        if (after != null) {
            params.add(after);
            query.append(" and partnershipId > ?").append(params.size());
        }
        return find(query + " order by partnershipId", params.toArray()).range(0, rows - 1).list();
    }

    /**
     * Up to {@code rows} of the health of the partnerships this participant is the mentee or the mentor of, in a state
     * as the two people see it (any when null), ordered by partnership id, after the one given (from the start when null).
     */
    public Uni<List<PartnershipHealth>> ofParticipant(String tenant, UUID participantId, String state, UUID after, int rows) {
        List<Object> params = new ArrayList<>(List.of(tenant, participantId));
        StringBuilder query = new StringBuilder("tenant = ?1 and partnershipId in (select p.id from PartnershipCopy p "
                + "where p.tenant = ?1 and (p.menteeId = ?2 or p.mentorId = ?2))");
        if (state != null) {
            params.add(state);
            query.append(" and coalesce(sharedState, state) = ?").append(params.size());
        }
        if (after != null) {
            params.add(after);
            query.append(" and partnershipId > ?").append(params.size());
        }
        return find(query + " order by partnershipId", params.toArray()).range(0, rows - 1).list();
    }
}
