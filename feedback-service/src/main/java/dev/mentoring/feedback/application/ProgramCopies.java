package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.feedback.persistence.ProgramCopy;
import dev.mentoring.feedback.persistence.ProgramCopyRepository;
import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * feedback-service's copies of programs, from matching-service's program events, each once: a program's state, who
 * runs it (its admins, by the employee id of their sign-in: they read its concerns, its partnerships' health and its
 * analytics), who is enrolled in it and the requests made in it (the first steps of its funnel).
 */
@ApplicationScoped
public class ProgramCopies {

    private final ReadModelCopies copies;
    private final Inbox inbox;
    private final ProgramCopyRepository programs;
    private final Clock clock;

    ProgramCopies(ReadModelCopies copies, Inbox inbox, ProgramCopyRepository programs, Clock clock) {
        this.copies = copies;
        this.inbox = inbox;
        this.programs = programs;
        this.clock = clock;
    }

    /** program.created, updated, enrolment-opened, started, closed: the copy takes the state (never an older one). */
    @WithTransaction
    public Uni<Void> changed(ReceivedEvent event, ProgramEvents.ProgramChanged data) {
        return copies.apply(ReadModelConsumer.NAME, event, "program", data.programId(), programs.findById(data.programId()),
                ProgramCopy::new,
                copy -> copy.stateAt != null && data.at() != null && data.at().isBefore(copy.stateAt),
                copy -> {
                    copy.state = data.state();
                    copy.general = data.general();
                    copy.stateAt = data.at();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return programs.persistAndFlush(copy).replaceWithVoid();
                });
    }

    /**
     * program.admin-assigned: the person runs the program (and program.admin-unassigned: no longer), the latest change
     * winning. A program
     * feedback-service knows in another tenant is refused (the event goes to the dead-letter topic).
     */
    @WithTransaction
    public Uni<Void> adminAssigned(ReceivedEvent event, ProgramEvents.AdminChanged data) {
        return admin(event, data, true);
    }

    /** program.admin-unassigned: see {@link #adminAssigned}. */
    @WithTransaction
    public Uni<Void> adminUnassigned(ReceivedEvent event, ProgramEvents.AdminChanged data) {
        return admin(event, data, false);
    }

    private Uni<Void> admin(ReceivedEvent event, ProgramEvents.AdminChanged data, boolean assigned) {
        return once(event, () -> programs.findById(data.programId()).chain(program -> {
            if (program != null && !program.tenant.equals(event.tenant())) {
                return Uni.createFrom().failure(new IllegalArgumentException("program of another tenant"));
            }
            return programs.putAdmin(event.tenant(), data.programId(), data.employeeId(), assigned,
                    data.at() != null ? data.at() : OffsetDateTime.now(clock)).replaceWithVoid();
        }));
    }

    /** enrolment.applied, enrolled, declined, left: who is in the program, in which role. */
    @WithTransaction
    public Uni<Void> enrolment(ReceivedEvent event, ProgramEvents.EnrolmentChanged data) {
        return once(event, () -> programs.putEnrolment(event.tenant(), data.enrolmentId(), data.programId(), data.participantId(),
                data.role(), data.state(), data.at()).replaceWithVoid());
    }

    /** mentorship.requested: a mentee asked, in a program (the funnel's second step). */
    @WithTransaction
    public Uni<Void> requested(ReceivedEvent event, PartnershipEvents.MentorshipRequested data) {
        return once(event, () -> programs.putRequest(event.tenant(), data.requestId(), data.programId(), data.menteeId(),
                OffsetDateTime.now(clock)).replaceWithVoid());
    }

    private Uni<Void> once(ReceivedEvent event, Supplier<Uni<Void>> change) {
        return inbox.firstDelivery(ReadModelConsumer.NAME, event.id()).chain(first -> first ? change.get() : Uni.createFrom().voidItem());
    }
}
