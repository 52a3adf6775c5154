package dev.mentoring.feedback.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The copies of participants: who holds which employee id in which tenant. */
@ApplicationScoped
public class ParticipantCopyRepository implements PanacheRepositoryBase<ParticipantCopy, UUID> {

    /** The participant holding the employee id in the tenant (the latest known, should two have held it), or null. */
    public Uni<ParticipantCopy> withEmployeeId(String tenant, String employeeId) {
        return find("tenant = ?1 and employeeId = ?2 order by updatedAt desc", tenant, employeeId).firstResult();
    }
}
