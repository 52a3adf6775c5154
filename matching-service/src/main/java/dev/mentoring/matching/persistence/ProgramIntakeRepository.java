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

    /**
     * The places each mentor of the program whose intake names them still has in it: their intake's places less their
     * open requests and running partnerships in the program (may be below 0 when the intake was lowered).
     */
    public Uni<java.util.Map<UUID, Integer>> mentorPlacesLeft(UUID programId) {
        return getSession().chain(s -> s.createNativeQuery("""
                select i.participant_id, i.capacity
                       - (select count(*) from mentorship_request r where r.program_id = i.program_id
                          and r.mentor_id = i.participant_id and r.state = 'OPEN')
                       - (select count(*) from partnership x where x.program_id = i.program_id
                          and x.mentor_id = i.participant_id and x.state in ('ACTIVE', 'PAUSED'))
                from program_intake i where i.program_id = ?1 and i.role = 'MENTOR' and i.capacity is not null""", Object[].class)
                .setParameter(1, programId).getResultList()).map(rows -> {
                    java.util.Map<UUID, Integer> left = new java.util.HashMap<>();
                    rows.forEach(row -> left.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return left;
                });
    }

    /** Erasure: every intake the person wrote. */
    public Uni<Long> eraseOf(String tenant, UUID participantId) {
        return delete("tenant = ?1 and participantId = ?2", tenant, participantId);
    }
}
