package dev.mentoring.matching.application;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantReads;
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
public class Participants {

    /** A participant as the caller may see them: the whole profile, or only the summary. */
    public record Seen(Participant participant, boolean wholeProfile) {
    }

    private final ParticipantRepository participants;
    private final ParticipantReads reads;
    private final Caller caller;

    Participants(ParticipantRepository participants, ParticipantReads reads, Caller caller) {
        this.participants = participants;
        this.reads = reads;
        this.caller = caller;
    }

    /** One participant as this caller may see them (the hot read: no Hibernate session, {@link ParticipantReads}). */
    public Uni<Seen> byId(UUID id) {
        // the caller read before the query: a continuation may not have the request's context
        boolean integration = caller.hasRole("integration");
        boolean admin = caller.hasRole("program-admin");
        String employeeId = caller.employeeId().orElse(null);
        return reads.inTenant(caller.tenant(), id).map(participant -> {
            if (participant == null || participant.erasedAt != null) {
                throw ProblemException.notFound("Participant", id);
            }
            if (integration || employeeId != null && employeeId.equals(participant.employeeId)) {
                return new Seen(participant, true);
            }
            if (admin) {
                return new Seen(participant, false);
            }
            throw ProblemException.notFound("Participant", id);
        });
    }

    /** One page of the tenant's participants by id, filtered by role, skill name and availability. */
    @WithSession
    public Uni<Page<Participant>> list(String role, String skill, Boolean available, PageRequest page) {
        return participants.page(caller.tenant(), role, skill == null ? null : skill.strip().toLowerCase(Locale.ROOT),
                available, page.afterId(), page.limit() + 1)
                .map(rows -> page.page(rows, p -> p.id.toString(), p -> p));
    }
}
