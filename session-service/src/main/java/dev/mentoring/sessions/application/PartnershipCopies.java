package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.events.AgreementActivated;
import dev.mentoring.sessions.events.PartnershipChanged;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import dev.mentoring.sessions.events.SessionEvents;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import dev.mentoring.sessions.persistence.SessionSeries;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the copy of partnerships: each event once (inbox), never an older state over a newer one (the
 * event's time), and when a partnership pauses or ends, its future sessions are cancelled with that
 * reason and published, in the same transaction.
 */
@ApplicationScoped
public class PartnershipCopies {

    static final String CONSUMER = "session-service/partnerships";

    private final Inbox inbox;
    private final Bookings bookings;
    private final Outbox outbox;
    private final Clock clock;

    PartnershipCopies(Inbox inbox, Bookings bookings, Outbox outbox) {
        this.inbox = inbox;
        this.bookings = bookings;
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    private static Uni<PartnershipCopy> copyOf(String tenant, java.util.UUID id) {
        return PartnershipCopy.<PartnershipCopy>findById(id).map(existing -> {
            if (existing != null) {
                return existing;
            }
            PartnershipCopy copy = new PartnershipCopy();
            copy.id = id;
            copy.tenant = tenant;
            return copy;
        });
    }

    @WithTransaction
    public Uni<Void> apply(ReceivedEvent event, PartnershipChanged change) {
        if (change.unusable() != null) {
            // never guessed: a partnership event without its people or state would cancel sessions on a misreading
            return Uni.createFrom().failure(new IllegalArgumentException(change.unusable()));
        }
        return inbox.firstDelivery(CONSUMER, event.id()).chain(first -> !first ? Uni.createFrom().voidItem()
                : copyOf(event.tenant(), change.partnershipId()).chain(copy -> {
                    if (!copy.tenant.equals(event.tenant())) {
                        return Uni.createFrom().failure(new IllegalArgumentException("partnership of another tenant"));
                    }
                    if (copy.stateAt != null && change.at() != null && change.at().isBefore(copy.stateAt)) {
                        return Uni.createFrom().voidItem(); // an older state arriving late
                    }
                    copy.menteeId = change.menteeId();
                    copy.mentorId = change.mentorId();
                    copy.state = change.state();
                    copy.stateAt = change.at();
                    if (change.cadence() != null) {
                        copy.cadence = change.cadence();
                    }
                    copy.updatedAt = OffsetDateTime.now(clock);
                    Uni<Void> saved = copy.persistAndFlush().replaceWithVoid();
                    if ("ACTIVE".equals(change.state())) {
                        return saved;
                    }
                    SessionEnums.CancelReason reason = "PAUSED".equals(change.state())
                            ? SessionEnums.CancelReason.PARTNERSHIP_PAUSED : SessionEnums.CancelReason.PARTNERSHIP_ENDED;
                    return saved.chain(() -> cancelFuture(copy, reason));
                }));
    }

    @WithTransaction
    public Uni<Void> apply(ReceivedEvent event, AgreementActivated agreement) {
        return inbox.firstDelivery(CONSUMER, event.id()).chain(first -> !first ? Uni.createFrom().voidItem()
                : copyOf(event.tenant(), agreement.partnershipId()).chain(copy -> {
                    if (!copy.tenant.equals(event.tenant())) {
                        return Uni.createFrom().failure(new IllegalArgumentException("partnership of another tenant"));
                    }
                    if (copy.agreementVersion != null && copy.agreementVersion >= agreement.version()) {
                        return Uni.createFrom().voidItem();
                    }
                    copy.agreementVersion = agreement.version();
                    copy.cadence = agreement.cadence();
                    copy.sessionMinutes = agreement.sessionMinutes();
                    copy.updatedAt = OffsetDateTime.now(clock);
                    return copy.persist().replaceWithVoid();
                }));
    }

    /** Cancels the partnership's sessions that have not started, telling both people why. */
    private Uni<Void> cancelFuture(PartnershipCopy partnership, SessionEnums.CancelReason reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return MentoringSession.<MentoringSession>list("partnershipId = ?1 and state = ?2 and startsAt > ?3",
                partnership.id, SessionEnums.State.SCHEDULED, now).chain(sessions -> {
                    List<DomainEvent> events = new ArrayList<>();
                    for (MentoringSession s : sessions) {
                        SessionLifecycle.cancel(s, reason, null, false, now);
                        events.add(SessionEvents.session(s, SessionEvents.CANCELLED, null, now));
                    }
                    // a series that lost occurrences changed: calendar apps take its EXDATEs only with a higher SEQUENCE
                    List<UUID> series = sessions.stream().map(s -> s.seriesId).filter(java.util.Objects::nonNull).distinct().toList();
                    Uni<Void> raised = series.isEmpty() ? Uni.createFrom().voidItem()
                            : SessionSeries.update("sequence = sequence + 1 where id in ?1", series).replaceWithVoid();
                    return raised.chain(() -> bookings.release(sessions.stream().map(s -> s.id).toList()))
                            .chain(() -> outbox.appendAll(events));
                });
    }
}
