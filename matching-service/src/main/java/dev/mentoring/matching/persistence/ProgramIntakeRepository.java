package dev.mentoring.matching.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MentoringRole;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Intakes, always within one tenant. */
@ApplicationScoped
public class ProgramIntakeRepository implements PanacheRepositoryBase<ProgramIntake, UUID> {

    public Uni<ProgramIntake> ofEnrolment(String tenant, UUID enrolmentId) {
        return find("tenant = ?1 and enrolmentId = ?2", tenant, enrolmentId).firstResult();
    }

    /** The program's intakes of one role. */
    public Uni<List<ProgramIntake>> ofProgram(UUID programId, MentoringRole role) {
        return list("programId = ?1 and role = ?2", programId, role);
    }

    /** The intake of the person in this role in the program, if they wrote one. */
    public Uni<ProgramIntake> ofPerson(UUID programId, UUID participantId, MentoringRole role) {
        return find("programId = ?1 and participantId = ?2 and role = ?3", programId, participantId, role).firstResult();
    }

    /** Erasure: every intake the person wrote. */
    public Uni<Long> eraseOf(String tenant, UUID participantId) {
        return delete("tenant = ?1 and participantId = ?2", tenant, participantId);
    }
}
