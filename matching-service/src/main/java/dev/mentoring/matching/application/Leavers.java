package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.matching.domain.EndReason;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.matching.domain.RequestState;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.events.ProgramPublisher;
import dev.mentoring.matching.persistence.AgreementRepository;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.matching.persistence.MentorApplicationRepository;
import dev.mentoring.matching.persistence.MentorshipRequest;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.matching.persistence.ProgramAdminRepository;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * What happens when a person leaves (their HR platform deactivates or erases them), within the transaction that records
 * it: their running partnerships end with reason {@code LEFT_ORGANISATION} ({@code partnership.ended}: session-service
 * cancels the future sessions, feedback-service opens the closing evaluation, both people are told), and their open
 * requests are withdrawn ({@code mentorship.withdrawn} with reason {@code LEFT_ORGANISATION}, so that both are told), and
 * they leave every program they were in or applied to ({@code enrolment.left}, by the platform).
 * Erasure also removes every text they wrote here.
 */
@ApplicationScoped
public class Leavers {

    private final PartnershipRepository partnerships;
    private final MentorshipRequestRepository requests;
    private final AgreementRepository agreements;
    private final Outbox outbox;
    private final Enrolments enrolments;
    private final Intakes intakes;
    private final ProgramAdminRepository admins;
    private final MentorApplicationRepository mentorApplications;

    Leavers(PartnershipRepository partnerships, MentorshipRequestRepository requests, AgreementRepository agreements, Outbox outbox,
            Enrolments enrolments, Intakes intakes, ProgramAdminRepository admins, MentorApplicationRepository mentorApplications) {
        this.mentorApplications = mentorApplications;
        this.admins = admins;
        this.enrolments = enrolments;
        this.intakes = intakes;
        this.partnerships = partnerships;
        this.requests = requests;
        this.agreements = agreements;
        this.outbox = outbox;
    }

    /** The person left: ends their running partnerships and withdraws their open requests, publishing each. */
    Uni<Void> left(Participant person, OffsetDateTime now) {
        return partnerships.runningOfLocked(person.tenant, person.id).chain(running -> {
            List<DomainEvent> events = new ArrayList<>();
            endAll(running, EndReason.LEFT_ORGANISATION, now, events);
            return requests.openInvolvingLocked(person.tenant, person.id).chain(open -> {
                withdrawAll(open, PartnershipEvents.LEFT_ORGANISATION, now, events);
                return partnerships.flush().chain(() -> outbox.appendAll(events))
                        // and every program lets them go
                        .chain(() -> enrolments.left(person, now))
                        // nor runs any program (an erased person's employee id is gone by now: see noLongerAdmin)
                        .chain(() -> noLongerAdmin(person.tenant, person.employeeId, now))
                        // nor is on their way to mentoring
                        .chain(() -> mentorApplications.withdrawOpenOf(person.id, now)).replaceWithVoid();
            });
        });
    }

    /** Running partnerships ended by the platform (neither of the two ended them) for a reason; their events join {@code events}. */
    static void endAll(List<Partnership> running, EndReason reason, OffsetDateTime now, List<DomainEvent> events) {
        for (var partnership : running) {
            partnership.state = partnership.state.move(PartnershipState.Move.END);
            partnership.endedAt = now;
            partnership.endedBy = null;
            partnership.endReason = reason;
            events.add(PartnershipPublisher.partnership(partnership, PartnershipEvents.ENDED, now));
        }
    }

    /** Open requests withdrawn by the platform for a reason; their events join {@code events}. */
    static void withdrawAll(List<MentorshipRequest> open, String reason, OffsetDateTime now, List<DomainEvent> events) {
        for (var request : open) {
            request.state = RequestState.WITHDRAWN;
            request.decidedAt = now;
            events.add(PartnershipPublisher.withdrawnBecause(request, reason));
        }
    }

    /** The person (by the employee id of their sign-in) runs no program any more: program.admin-unassigned for each they ran. */
    Uni<Void> noLongerAdmin(String tenant, String employeeId, OffsetDateTime now) {
        return admins.unassignEverywhere(tenant, employeeId).chain(programs -> outbox.appendAll(programs.stream()
                .map(program -> ProgramPublisher.admin(tenant, program, employeeId, ProgramEvents.ADMIN_UNASSIGNED, now)).toList()));
    }

    /**
     * Erasure: the words the person wrote here go (request and decline messages, end notes, thank-yous, agreement texts,
     * intakes, the areas of their applications to mentor).
     */
    Uni<Void> eraseWordsOf(Participant person) {
        return requests.eraseMessagesOf(person.tenant, person.id)
                .chain(() -> partnerships.eraseEndingWordsOf(person.tenant, person.id))
                .chain(() -> agreements.eraseTextsOf(person.tenant, person.id))
                .chain(() -> intakes.eraseOf(person))
                .chain(() -> mentorApplications.eraseWordsOf(person.id))
                .replaceWithVoid();
    }
}
