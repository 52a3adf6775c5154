package dev.mentoring.matching.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.RequestViews;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Partnerships: the two participants see and move theirs (pause, resume, complete, end early; only legal
 * moves, 409 otherwise); program admins see all of their tenant's, without the private texts.
 */
@ApplicationScoped
public class Partnerships {

    private final PartnershipRepository partnerships;
    private final CallingPerson person;
    private final Outbox outbox;
    private final Caller caller;

    Partnerships(PartnershipRepository partnerships, CallingPerson person, Outbox outbox, Caller caller) {
        this.partnerships = partnerships;
        this.person = person;
        this.outbox = outbox;
        this.caller = caller;
    }

    @WithSession
    public Uni<List<RequestViews.PartnershipView>> mine() {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnerships.ofParticipant(tenant, me.id))
                .map(list -> list.stream().map(RequestViews.PartnershipView::forParticipant).toList());
    }

    @WithSession
    public Uni<Page<RequestViews.PartnershipView>> ofTenant(String state, PageRequest page) {
        PartnershipState wanted;
        try {
            wanted = state == null ? null : PartnershipState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of ACTIVE, PAUSED, COMPLETED, ENDED_EARLY");
        }
        return partnerships.page(caller.tenant(), wanted, page.afterId(), page.limit() + 1)
                .map(rows -> page.page(rows, p -> p.id.toString(), RequestViews.PartnershipView::forAdmin));
    }

    @WithSession
    public Uni<RequestViews.PartnershipView> get(UUID id) {
        String tenant = caller.tenant();
        if (caller.hasRole("program-admin")) {
            return partnerships.findInTenant(tenant, id).map(p -> {
                if (p == null) {
                    throw ProblemException.notFound("Partnership", id);
                }
                return RequestViews.PartnershipView.forAdmin(p);
            });
        }
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me)).map(RequestViews.PartnershipView::forParticipant);
    }

    @WithTransaction
    public Uni<RequestViews.PartnershipView> move(UUID id, PartnershipState.Move move, RequestViews.End end) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(partnership -> {
            PartnershipState next = partnership.state.after(move);
            if (next == null) {
                throw ProblemException.conflict("A " + partnership.state.name().toLowerCase() + " partnership cannot "
                        + move.name().toLowerCase() + "; it can " + partnership.state.legalMoves());
            }
            OffsetDateTime now = MyProfiles.now();
            partnership.state = next;
            EventType<PartnershipEvents.PartnershipChanged> type = switch (move) {
                case PAUSE -> PartnershipEvents.PAUSED;
                case RESUME -> PartnershipEvents.RESUMED;
                case COMPLETE -> PartnershipEvents.COMPLETED;
                case END -> PartnershipEvents.ENDED;
            };
            if (!next.isRunning()) {
                partnership.endedAt = now;
                partnership.endedBy = me.id;
                if (end != null) {
                    partnership.endReason = end.reasonCategory();
                    partnership.endNote = FreeText.optional(end.note());
                    partnership.thankYou = FreeText.optional(end.thankYouMessage());
                }
            }
            return partnership.<Partnership>persistAndFlush()
                    .call(saved -> outbox.append(PartnershipPublisher.partnership(saved, type, now)))
                    .map(RequestViews.PartnershipView::forParticipant);
        }));
    }

    private Uni<Partnership> visible(String tenant, UUID id, Participant me) {
        return visible(partnerships, tenant, id, me);
    }

    /** The partnership if {@code me} is one of its two participants; 404 otherwise, as if it did not exist. */
    static Uni<Partnership> visible(PartnershipRepository partnerships, String tenant, UUID id, Participant me) {
        return partnerships.findInTenant(tenant, id).map(p -> {
            if (p == null || !p.involves(me.id)) {
                throw ProblemException.notFound("Partnership", id);
            }
            return p;
        });
    }
}
