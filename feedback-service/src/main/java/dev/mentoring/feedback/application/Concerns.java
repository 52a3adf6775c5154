package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.ConcernRules;
import dev.mentoring.feedback.events.FeedbackPublisher;
import dev.mentoring.feedback.persistence.Concern;
import dev.mentoring.feedback.persistence.ConcernRepository;
import dev.mentoring.feedback.persistence.PartnershipCopyRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Raising a concern ({@link ConcernRules}): one of a partnership's two people tells the program admins privately that
 * something is wrong; {@code concern.raised} (never the text) tells the platform. The person sees the concerns they
 * raised; the other person of the pair never sees them. The admins of the partnership's program ({@link ProgramAdmins}:
 * those assigned to it, and the tenant-wide role) list its concerns with their texts and close each with an outcome ({@code concern.closed}, which puts it in the raiser's inbox). An open concern of a
 * personality clash or a breach of confidentiality is a pitfall of the partnership's health that only the admins see.
 */
@ApplicationScoped
public class Concerns {

    /** The role that reads and closes every concern of the tenant. */
    static final String ADMIN_ROLE = "program-admin";

    /** Filters of the program admins' list; each may be null (any). */
    public record Filter(ConcernRules.ConcernCategory category, Boolean closed, UUID partnershipId) {
    }

    private final Participants participants;
    private final ConcernRepository concerns;
    private final PartnershipCopyRepository partnerships;
    private final HealthAssessments assessments;
    private final Outbox outbox;
    private final Caller caller;
    private final ProgramAdmins admins;
    private final Clock clock;

    Concerns(Participants participants, ConcernRepository concerns, PartnershipCopyRepository partnerships, HealthAssessments assessments,
            Outbox outbox, Caller caller, ProgramAdmins admins, Clock clock) {
        this.admins = admins;
        this.participants = participants;
        this.concerns = concerns;
        this.partnerships = partnerships;
        this.assessments = assessments;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * The caller raises a concern about their partnership. The partnership is locked first (as every write that assesses
     * its health), so that two raises of one category queue up and the second meets the first.
     */
    @WithTransaction
    public Uni<Concern> raise(UUID partnershipId, ConcernRules.ConcernCategory category, String text) {
        return participants.me().chain(me -> participants.partnershipForUpdate(me, partnershipId).chain(p -> concerns
                .open(p.id, me.id(), category.name())
                .invoke(open -> ConcernRules.checkNotRaisedYet(open != null))
                .chain(() -> {
                    Concern c = new Concern();
                    c.id = UUID.randomUUID();
                    c.tenant = p.tenant;
                    c.partnershipId = p.id;
                    c.raisedBy = me.id();
                    c.raisedByRole = Participants.roleIn(p, me);
                    c.category = category.name();
                    c.text = ConcernRules.text(text);
                    c.raisedAt = OffsetDateTime.now(clock);
                    return concerns.persist(c)
                            .chain(() -> outbox.append(FeedbackPublisher.concernRaised(c)))
                            .chain(() -> assessments.recompute(p.id))
                            .replaceWith(c);
                })));
    }

    /** A page of the concerns the caller raised about the partnership, newest first; 404 for anyone but its two people. */
    @WithSession
    public Uni<Page<Concern>> mine(UUID partnershipId, PageRequest page) {
        PageRequest.TimeAndId before = page.afterTimeAndId();
        return participants.me().chain(me -> participants.partnership(me, partnershipId)
                .chain(p -> concerns.page(me.tenant(), p.id, me.id(), null, null, null, null, before == null ? null : before.at(),
                        before == null ? null : before.id(), page.limit())))
                .map(rows -> page.page(rows, Concerns::key, c -> c));
    }

    /**
     * A page of the concerns of the programs the caller runs ({@link ProgramAdmins}: the tenant's for the tenant-wide role),
     * newest first, narrowed by the filter; never those about a partnership the admin is one of the two of (the other
     * person never sees a concern, admin or not). 403 for a caller who runs no program.
     */
    @WithSession
    public Uni<Page<Concern>> list(Filter filter, PageRequest page) {
        PageRequest.TimeAndId before = page.afterTimeAndId();
        String tenant = caller.tenant();
        return admins.required("read concerns", ADMIN_ROLE).chain(scope -> participants.meIfAny().chain(me -> concerns.page(tenant,
                        filter.partnershipId(), null, me == null ? null : me.id(), scope.tenantWide() ? null : scope.programs(),
                        filter.closed(), filter.category() == null ? null : filter.category().name(), before == null ? null : before.at(),
                        before == null ? null : before.id(), page.limit())))
                .map(rows -> page.page(rows, Concerns::key, c -> c));
    }

    /**
     * One concern of the programs the caller runs; 404 when there is none of this id there, or it is about the admin's
     * own partnership.
     */
    @WithSession
    public Uni<Concern> one(UUID concernId) {
        String tenant = caller.tenant();
        return admins.required("read concerns", ADMIN_ROLE).chain(scope -> concerns.inTenant(tenant, concernId).map(c -> found(c, concernId))
                .call(c -> readable(scope, tenant, c.partnershipId, concernId)));
    }

    /** 404 for a concern about a partnership outside the admin's programs, or one the calling admin is one of the two of. */
    private Uni<Void> readable(ProgramAdmins.Scope scope, String tenant, UUID partnershipId, UUID concernId) {
        return participants.meIfAny().chain(me -> partnerships.inTenant(tenant, partnershipId).invoke(p -> {
            if (p == null || !scope.runs(p) || Participants.isOneOf(p, me)) {
                throw ProblemException.notFound("concern", concernId);
            }
        }).replaceWithVoid());
    }

    /**
     * A program admin closes an open concern with an outcome (409 when closed already). The partnership is locked first,
     * as {@link #raise} locks it, then the concern is read under its own lock (never loaded before: a close or an erasure
     * committed meanwhile is seen); its health is assessed again without it.
     */
    @WithTransaction
    public Uni<Concern> close(UUID concernId, ConcernRules.ConcernOutcome outcome) {
        String tenant = caller.tenant();
        String admin = caller.subject();
        return admins.required("close concerns", ADMIN_ROLE).chain(scope -> concerns.partnershipOf(tenant, concernId)
                .invoke(partnershipId -> {
                    if (partnershipId == null) {
                        throw ProblemException.notFound("concern", concernId);
                    }
                })
                .call(partnershipId -> readable(scope, tenant, partnershipId, concernId)))
                .chain(partnershipId -> partnerships.locked(partnershipId))
                .chain(() -> concerns.lockedInTenant(tenant, concernId))
                .chain(c -> {
                    ConcernRules.checkOpen(c.closedAt != null);
                    c.closedAt = OffsetDateTime.now(clock);
                    c.closedBy = admin;
                    c.outcome = outcome.name();
                    return concerns.persist(c)
                            .chain(() -> outbox.append(FeedbackPublisher.concernClosed(c)))
                            .chain(() -> assessments.concernClosed(c.partnershipId))
                            .replaceWith(c);
                });
    }

    private static Concern found(Concern c, UUID concernId) {
        if (c == null) {
            throw ProblemException.notFound("concern", concernId);
        }
        return c;
    }

    private static String key(Concern c) {
        return PageRequest.key(c.raisedAt.toInstant(), c.id);
    }
}
