package dev.mentoring.matching.application;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.ParticipantSummary;
import dev.mentoring.matching.api.ParticipantView;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The tenant's participants as program admins and HR see them: a filtered, paged list, and one by id.
 * The person and their HR platform see the whole profile; a program admin sees the summary, never the
 * personal fields; anyone else gets 404, as does every caller of another tenant.
 */
@ApplicationScoped
public class ParticipantDirectory {

    private final ParticipantRepository participants;
    private final Caller caller;

    ParticipantDirectory(ParticipantRepository participants, Caller caller) {
        this.participants = participants;
        this.caller = caller;
    }

    @WithSession
    public Uni<Object> byId(UUID id) {
        return participants.findInTenant(caller.tenant(), id).map(participant -> {
            if (participant == null || participant.erasedAt != null) {
                throw ProblemException.notFound("Participant", id);
            }
            if (caller.hasRole("integration") || isThePerson(participant)) {
                return ParticipantView.of(participant);
            }
            if (caller.hasRole("program-admin")) {
                return ParticipantSummary.of(participant);
            }
            throw ProblemException.notFound("Participant", id);
        });
    }

    @WithSession
    public Uni<Page<ParticipantSummary>> list(String role, String skill, Boolean available, PageRequest page) {
        return participants.page(caller.tenant(), role, skill == null ? null : skill.strip().toLowerCase(java.util.Locale.ROOT),
                available, page.afterId(), page.limit() + 1)
                .map(rows -> page.page(rows, p -> p.id.toString(), ParticipantSummary::of));
    }

    private boolean isThePerson(Participant participant) {
        return caller.employeeId().map(participant.employeeId::equals).orElse(false);
    }
}
