package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.matching.domain.EndReason;
import dev.mentoring.matching.domain.FreeText;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PairPage;
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

    /** A partnership as the caller may see it: with its private texts for its two participants, without for an admin. */
    public record Seen(Partnership partnership, boolean withPrivateTexts) {
    }

    /** How a partnership ends (completed or ended early): why, and a note and thanks only the two of them see. */
    public record Ending(EndReason reason, String note, String thankYouMessage) {
    }

    private final PartnershipRepository partnerships;
    private final CallingPerson person;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    Partnerships(PartnershipRepository partnerships, CallingPerson person, Outbox outbox, Caller caller, Clock clock) {
        this.partnerships = partnerships;
        this.person = person;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * One page of partnerships, newest first, of one state or all: a program admin's are the tenant's (without the
     * private texts), a person's those they are part of (with them).
     */
    /** Where the page starts: the time and id of the last one seen, read from the cursor. */
    private static PairPage.Key after(PageRequest page) {
        return page.afterKey(2, parts -> new PairPage.Key(java.time.Instant.parse(parts[0]).atOffset(java.time.ZoneOffset.UTC),
                UUID.fromString(parts[1])));
    }

    @WithSession
    public Uni<Page<Seen>> list(String state, PageRequest page) {
        PartnershipState wanted;
        try {
            wanted = state == null ? null : PartnershipState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("state", "must be one of ACTIVE, PAUSED, COMPLETED, ENDED_EARLY");
        }
        String tenant = caller.tenant();
        if (caller.hasRole("program-admin")) {
            return partnerships.page(tenant, null, wanted, after(page), page.limit() + 1)
                    .map(rows -> page.page(rows, p -> PageRequest.key(p.startedAt.toInstant(), p.id), p -> new Seen(p, false)));
        }
        return person.inMentorships(tenant).chain(me -> partnerships.page(tenant, me.id, wanted, after(page), page.limit() + 1))
                .map(rows -> page.page(rows, p -> PageRequest.key(p.startedAt.toInstant(), p.id), p -> new Seen(p, true)));
    }

    @WithSession
    public Uni<Seen> get(UUID id) {
        String tenant = caller.tenant();
        if (caller.hasRole("program-admin")) {
            return partnerships.findInTenant(tenant, id).map(p -> {
                if (p == null) {
                    throw ProblemException.notFound("Partnership", id);
                }
                return new Seen(p, false);
            });
        }
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me)).map(p -> new Seen(p, true));
    }

    /** One of the two moves their partnership on; {@code ending} says why it completes or ends, null for a pause or resume. */
    @WithTransaction
    public Uni<Partnership> move(UUID id, PartnershipState.Move move, Ending ending) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> visible(tenant, id, me).chain(partnership -> {
            PartnershipState next = partnership.state.move(move);
            OffsetDateTime now = OffsetDateTime.now(clock);
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
                if (ending != null) {
                    partnership.endReason = ending.reason();
                    partnership.endNote = FreeText.optional(ending.note());
                    partnership.thankYou = FreeText.optional(ending.thankYouMessage());
                }
            }
            return partnerships.persistAndFlush(partnership)
                    .call(saved -> outbox.append(PartnershipPublisher.partnership(saved, type, now)));
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
