package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.Intake;
import dev.mentoring.matching.domain.SmartGoal;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProgramEnrolment;
import dev.mentoring.matching.persistence.ProgramEnrolmentRepository;
import dev.mentoring.matching.persistence.ProgramIntake;
import dev.mentoring.matching.persistence.ProgramIntakeRepository;
import dev.mentoring.matching.persistence.ProgramRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.rules.Conflict;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The intake of an enrolment: the person writes it (and rewrites it while they are applied or enrolled and the program
 * is not closed); they and the program's admins read it; nobody else, and no event carries it. In the program, a mentee's
 * areas to develop and goals join what matching knows of them; a mentor's places in the program cap the partnerships
 * they accept in it. Erased with the person.
 */
@ApplicationScoped
public class Intakes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An intake as stored, with its goals read back. */
    public record Written(ProgramIntake intake, List<SmartGoal> goals) {
    }

    private final ProgramIntakeRepository intakes;
    private final ProgramEnrolmentRepository enrolments;
    private final ProgramRepository programs;
    private final ProgramAccess access;
    private final Caller caller;
    private final Clock clock;

    Intakes(ProgramIntakeRepository intakes, ProgramEnrolmentRepository enrolments, ProgramRepository programs, ProgramAccess access,
            Caller caller, Clock clock) {
        this.intakes = intakes;
        this.enrolments = enrolments;
        this.programs = programs;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    /** The person writes the intake of their own enrolment (404 for anyone else's); the whole of it each time. */
    @WithTransaction
    public Uni<Written> write(UUID programId, UUID enrolmentId, Intake answers) {
        String tenant = caller.tenant();
        return own(tenant, programId, enrolmentId).chain(enrolment -> programs.lockedInTenant(tenant, programId).chain(program -> {
            program.state.editable();
            if (enrolment.state != EnrolmentState.APPLIED && enrolment.state != EnrolmentState.ENROLLED) {
                throw new Conflict("The enrolment is " + enrolment.state.name().toLowerCase() + "; an intake is written while applied or enrolled");
            }
            Intake checked = Intake.checked(new Intake(enrolment.role, answers.strengths(), answers.areasToDevelop(), answers.hopes(),
                    answers.goals(), answers.preferredFrequency(), answers.preferredMode(), answers.offers(), answers.capacity()),
                    LocalDate.now(clock));
            return intakes.ofEnrolment(tenant, enrolmentId).chain(found -> {
                ProgramIntake intake = found != null ? found : new ProgramIntake();
                if (found == null) {
                    intake.enrolmentId = enrolment.id;
                    intake.tenant = tenant;
                    intake.programId = programId;
                    intake.participantId = enrolment.participantId;
                    intake.role = enrolment.role;
                }
                intake.strengths = checked.strengths().toArray(String[]::new);
                intake.areasToDevelop = checked.areasToDevelop().toArray(String[]::new);
                intake.hopes = checked.hopes();
                intake.goals = goalsJson(checked.goals());
                intake.preferredFrequency = checked.preferredFrequency();
                intake.preferredMode = checked.preferredMode();
                intake.offers = checked.offers().toArray(String[]::new);
                intake.capacity = checked.capacity();
                intake.updatedAt = OffsetDateTime.now(clock);
                return intakes.persistAndFlush(intake).map(saved -> new Written(saved, checked.goals()));
            });
        }));
    }

    /** The intake of an enrolment, for its person and the program's admins (404 when none was written). */
    @WithSession
    public Uni<Written> read(UUID programId, UUID enrolmentId) {
        String tenant = caller.tenant();
        return enrolments.inProgram(tenant, programId, enrolmentId).chain(enrolment -> access.meIfPerson(tenant).chain(me -> {
            boolean own = enrolment != null && me != null && enrolment.participantId.equals(me.id);
            Uni<Void> allowed = own ? Uni.createFrom().voidItem() : access.mayRun(tenant, programId);
            return allowed.chain(() -> enrolment == null ? Uni.createFrom().nullItem() : intakes.ofEnrolment(tenant, enrolmentId));
        })).map(intake -> {
            if (intake == null) {
                throw ProblemException.notFound("Intake of enrolment", enrolmentId);
            }
            return new Written(intake, goals(intake.goals));
        });
    }

    /** The caller's own enrolment of the program, or 404. */
    private Uni<ProgramEnrolment> own(String tenant, UUID programId, UUID enrolmentId) {
        return access.me(tenant).chain(me -> enrolments.lockedInProgram(tenant, programId, enrolmentId).map(enrolment -> {
            if (enrolment == null || me == null || !enrolment.participantId.equals(me.id)) {
                throw ProblemException.notFound("Enrolment", enrolmentId);
            }
            return enrolment;
        }));
    }

    /** The words of the goals' statements, for matching. */
    static String goalWords(String goalsJson) {
        return String.join(" ", goals(goalsJson).stream().map(SmartGoal::statement).toList());
    }

    /** Erasure: every intake the person wrote goes. */
    Uni<Void> eraseOf(Participant person) {
        return intakes.eraseOf(person.tenant, person.id).replaceWithVoid();
    }

    private static String goalsJson(List<SmartGoal> goals) {
        ArrayNode array = JSON.createArrayNode();
        for (SmartGoal goal : goals) {
            array.addObject().put("statement", goal.statement().strip()).put("measure", goal.measure().strip())
                    .put("target", goal.target().strip()).put("why", goal.why().strip()).put("dueDate", goal.dueDate().toString());
        }
        return array.toString();
    }

    private static List<SmartGoal> goals(String json) {
        try {
            List<SmartGoal> goals = new ArrayList<>();
            for (JsonNode g : JSON.readTree(json == null ? "[]" : json)) {
                goals.add(new SmartGoal(g.path("statement").asText(), g.path("measure").asText(), g.path("target").asText(),
                        g.path("why").asText(), LocalDate.parse(g.path("dueDate").asText())));
            }
            return goals;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an intake's goals are not the JSON this service wrote", e);
        }
    }
}
