package dev.mentoring.matching.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.MentoringRole;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Who is in which program, always within one tenant. */
@ApplicationScoped
public class ProgramEnrolmentRepository implements PanacheRepositoryBase<ProgramEnrolment, UUID> {

    /** The enrolment of the program, or null. */
    public Uni<ProgramEnrolment> inProgram(String tenant, UUID programId, UUID id) {
        return find("tenant = ?1 and programId = ?2 and id = ?3", tenant, programId, id).firstResult();
    }

    /** The enrolment of the program, row-locked until the transaction ends. */
    public Uni<ProgramEnrolment> lockedInProgram(String tenant, UUID programId, UUID id) {
        return find("tenant = ?1 and programId = ?2 and id = ?3", tenant, programId, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The enrolments of these people in this role in the program, row-locked until the transaction ends. */
    public Uni<List<ProgramEnrolment>> ofPeopleLocked(UUID programId, MentoringRole role, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("programId = ?1 and role = ?2 and participantId in ?3 order by participantId", programId, role, participantIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Whether the person is enrolled in the program in this role, their enrolment share-locked until the transaction
     * ends: a leaving or a removal (which locks it for update) waits, and is waited for.
     */
    public Uni<Boolean> enrolledLocked(UUID programId, UUID participantId, MentoringRole role) {
        return find("programId = ?1 and participantId = ?2 and role = ?3", programId, participantId, role)
                .withLock(LockModeType.PESSIMISTIC_READ).firstResult().map(e -> e != null && e.state == EnrolmentState.ENROLLED);
    }

    /** The ids of the people enrolled in the program in this role. */
    public Uni<List<UUID>> enrolledIds(UUID programId, MentoringRole role) {
        return find("select participantId from ProgramEnrolment where programId = ?1 and role = ?2 and state = ?3",
                programId, role, EnrolmentState.ENROLLED).project(UUID.class).list();
    }

    /** A person's enrolments (all programs, roles and states). */
    public Uni<List<ProgramEnrolment>> ofPerson(String tenant, UUID participantId) {
        return list("tenant = ?1 and participantId = ?2 order by createdAt", tenant, participantId);
    }

    /** A person's enrolments that count (applied or enrolled), row-locked: they leave every program when they leave. */
    public Uni<List<ProgramEnrolment>> currentOfPersonLocked(String tenant, UUID participantId) {
        return find("tenant = ?1 and participantId = ?2 and state in ?3 order by id", tenant, participantId,
                List.of(EnrolmentState.APPLIED, EnrolmentState.ENROLLED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** One page of a program's enrolments by id, of one role and state or all. */
    public Uni<List<ProgramEnrolment>> page(UUID programId, MentoringRole role, EnrolmentState state, UUID after, int limit) {
        StringBuilder query = new StringBuilder("programId = :program");
        Parameters parameters = Parameters.with("program", programId);
        if (role != null) {
            query.append(" and role = :role");
            parameters.and("role", role);
        }
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (after != null) {
            query.append(" and id > :after");
            parameters.and("after", after);
        }
        return find(query + " order by id", parameters).page(0, limit).list();
    }

    /** How many people the program has in each role and state: [role, state, count]. */
    public Uni<List<Object[]>> counts(UUID programId) {
        return find("select role, state, count(*) from ProgramEnrolment where programId = ?1 group by role, state", programId)
                .project(Object[].class).list();
    }
}
