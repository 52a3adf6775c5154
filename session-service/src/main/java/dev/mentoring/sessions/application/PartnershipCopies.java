package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.contracts.PartnershipEvents;
import dev.mentoring.contracts.PartnershipEvents.PartnershipChanged;
import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.readmodel.ReadModelCopies;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.events.SessionPublisher;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import dev.mentoring.sessions.persistence.PartnershipCopyRepository;
import dev.mentoring.sessions.persistence.SessionRepository;
import dev.mentoring.sessions.persistence.SessionSeriesRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the copy of partnerships: each event once, never an older state over a newer one (the event's time), never a
 * record of another tenant; and when a partnership pauses or ends, its future sessions are cancelled with that reason
 * and published, in the same transaction.
 */
@ApplicationScoped
public class PartnershipCopies {

    static final String CONSUMER = "session-service/partnerships";

    private final ReadModelCopies copies;
    private final PartnershipCopyRepository partnerships;
    private final SessionRepository sessions;
    private final SessionSeriesRepository series;
    private final Bookings bookings;
    private final Outbox outbox;
    private final Clock clock;

    PartnershipCopies(ReadModelCopies copies, PartnershipCopyRepository partnerships, SessionRepository sessions,
            SessionSeriesRepository series, Bookings bookings, Outbox outbox, Clock clock) {
        this.copies = copies;
        this.partnerships = partnerships;
        this.sessions = sessions;
        this.series = series;
        this.bookings = bookings;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A partnership started, paused, resumed, completed or ended: its people and state; a pause or end cancels what is ahead. */
    @WithTransaction
    public Uni<Void> changed(ReceivedEvent event, PartnershipChanged change) {
        return copies.apply(CONSUMER, event, "partnership", change.partnershipId(), partnerships.findById(change.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.stateAt != null && change.at().isBefore(copy.stateAt), // an older state arriving late
                copy -> {
                    copy.menteeId = change.menteeId();
                    copy.mentorId = change.mentorId();
                    copy.state = change.state();
                    copy.stateAt = change.at();
                    if (change.cadence() != null) {
                        copy.cadence = change.cadence();
                    }
                    copy.updatedAt = OffsetDateTime.now(clock);
                    Uni<Void> saved = partnerships.persistAndFlush(copy).replaceWithVoid();
                    if (PartnershipEvents.ACTIVE.equals(change.state())) {
                        return saved;
                    }
                    SessionEnums.CancelReason reason = change.ended()
                            ? SessionEnums.CancelReason.PARTNERSHIP_ENDED : SessionEnums.CancelReason.PARTNERSHIP_PAUSED;
                    return saved.chain(() -> cancelFuture(copy, reason));
                });
    }

    /** An agreement came into force: the agreed cadence and session length, from a newer agreement version only. */
    @WithTransaction
    public Uni<Void> agreementInForce(ReceivedEvent event, AgreementEvents.InForce agreement) {
        return copies.apply(CONSUMER, event, "partnership", agreement.partnershipId(), partnerships.findById(agreement.partnershipId()),
                PartnershipCopy::new,
                copy -> copy.agreementVersion != null && copy.agreementVersion >= agreement.version(),
                copy -> {
                    copy.agreementVersion = agreement.version();
                    copy.cadence = agreement.cadence();
                    copy.sessionMinutes = agreement.sessionMinutes();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return partnerships.persist(copy).replaceWithVoid();
                });
    }

    /** Cancels the partnership's sessions that have not started, telling both people why. */
    private Uni<Void> cancelFuture(PartnershipCopy partnership, SessionEnums.CancelReason reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return sessions.scheduledAfter(partnership.tenant, partnership.id, now).chain(cancelled -> {
            List<DomainEvent> events = new ArrayList<>();
            for (MentoringSession s : cancelled) {
                s.cancel(reason, null, false, now);
                events.add(SessionPublisher.session(s, SessionEvents.CANCELLED, null, now));
            }
            // a series that lost occurrences changed: calendar apps take its EXDATEs only with a higher SEQUENCE
            List<UUID> changedSeries = cancelled.stream().map(s -> s.seriesId).filter(Objects::nonNull).distinct().toList();
            return series.raiseSequence(changedSeries)
                    .chain(() -> bookings.release(cancelled.stream().map(s -> s.id).toList()))
                    .chain(() -> outbox.appendAll(events));
        });
    }
}
