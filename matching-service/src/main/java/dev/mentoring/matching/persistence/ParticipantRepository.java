package dev.mentoring.matching.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import java.util.UUID;

/** Participants, always looked up within one tenant. */
@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    public Uni<Participant> findInTenant(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }

    public Uni<Participant> findByEmployeeId(String tenant, String employeeId) {
        return find("tenant = ?1 and employeeId = ?2", tenant, employeeId).firstResult();
    }
}
