package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.Recurrence;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.domain.SessionRules;
import dev.mentoring.sessions.events.SessionPublisher;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.AgendaItemRepository;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import dev.mentoring.sessions.persistence.PartnershipCopyRepository;
import dev.mentoring.sessions.persistence.SessionRepository;
import dev.mentoring.sessions.persistence.SessionSeries;
import dev.mentoring.sessions.persistence.SessionSeriesRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The steps of scheduling and moving sessions for {@link Sessions}: the reads first, then the change in one transaction
 * with its events, under a share lock on the partnership. A pause or end handled meanwhile either came first (409) or
 * waits for the transaction and then cancels what it scheduled. Kept apart so that an overlap the database refused can
 * be named in a session of its own.
 */
@ApplicationScoped
class Scheduling {

    /** The caller and the partnership they schedule in. */
    record Participation(CallingParticipant.Me participant, PartnershipCopy partnership) {
    }

    /** A move checked and planned: who moves which session, to which starts, in which zone, for how long. */
    record PlannedMove(CallingParticipant.Me participant, MentoringSession session, List<ZonedDateTime> starts, ZoneId zone, int minutes,
            boolean following) {
    }

    private final CallingParticipant me;
    private final PartnershipCopyRepository partnerships;
    private final SessionRepository sessions;
    private final SessionSeriesRepository series;
    private final AgendaItemRepository agendas;
    private final Bookings bookings;
    private final Outbox outbox;
    private final SessionSettings settings;
    private final Clock clock;

    Scheduling(CallingParticipant me, PartnershipCopyRepository partnerships, SessionRepository sessions,
            SessionSeriesRepository series, AgendaItemRepository agendas, Bookings bookings, Outbox outbox,
            SessionSettings settings, Clock clock) {
        this.me = me;
        this.partnerships = partnerships;
        this.sessions = sessions;
        this.series = series;
        this.agendas = agendas;
        this.bookings = bookings;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The partnership the caller schedules in: theirs (else 404) and active (else 409). */
    @WithSession
    public Uni<Participation> partnership(UUID partnershipId) {
        return me.find().chain(my -> me.partnership(my, partnershipId).map(p -> {
            SessionRules.checkSchedulable(p.state, p.active());
            return new Participation(my, p);
        }));
    }

    /** Schedules the session, or the series and all its occurrences, with the first one's agenda and the events. */
    @WithTransaction
    public Uni<ScheduledSessions> schedule(CallingParticipant.Me my, UUID partnershipId, SessionPlan plan, Recurrence recurrence,
            List<ZonedDateTime> starts) {
        return activeForUpdate(my.tenant(), partnershipId).chain(p -> {
            OffsetDateTime now = now();
            SessionSeries created = null;
            if (recurrence != null) {
                created = new SessionSeries();
                created.id = UUID.randomUUID();
                created.tenant = p.tenant;
                created.partnershipId = p.id;
                created.rrule = recurrence.text();
                created.firstLocalStart = starts.get(0).toLocalDateTime(); // DTSTART is an occurrence: the first the rule makes
                created.timeZone = starts.get(0).getZone().getId();
                created.durationMinutes = plan.durationMinutes();
                created.createdAt = now;
            }
            List<MentoringSession> scheduled = new ArrayList<>();
            for (ZonedDateTime start : starts) {
                scheduled.add(newSession(p, my.id(), created, start, plan.durationMinutes(), plan.mode(), plan.placeOrLink(), now));
            }
            List<AgendaItem> agenda = new ArrayList<>();
            if (plan.agenda() != null) {
                for (String text : plan.agenda()) {
                    agenda.add(AgendaItem.of(scheduled.get(0).id, agenda.size() + 1, text, my.id(), now));
                }
            }
            SessionSeries newSeries = created;
            Uni<Void> saved = newSeries == null ? Uni.createFrom().voidItem() : newSeries.persistAndFlush().replaceWithVoid();
            return saved.chain(() -> persistAndBook(scheduled))
                    .chain(() -> agenda.isEmpty() ? Uni.createFrom().voidItem() : agendas.persist(agenda))
                    .chain(() -> outbox.appendAll(scheduled.stream()
                            .map(s -> SessionPublisher.session(s, SessionEvents.SCHEDULED, null, now)).toList()))
                    .map(ignored -> new ScheduledSessions(newSeries == null ? null : newSeries.id, scheduled, agenda));
        });
    }

    /**
     * A move of the caller's session, checked (still scheduled, a scope that fits, a start in reach) and planned: for
     * "this and following", the starts the new rule makes for the occurrences that move.
     */
    @WithSession
    public Uni<PlannedMove> planMove(UUID sessionId, SessionMove move) {
        return me.find().chain(my -> me.session(my, sessionId).chain(found -> {
            SessionRules.checkMovable(found.state);
            ZoneId zone = ZoneId.of(move.timeZone() == null ? found.timeZone : move.timeZone());
            int minutes = move.durationMinutes() == null ? found.durationMinutes : move.durationMinutes();
            boolean following = move.scope() == SessionEnums.Scope.THIS_AND_FOLLOWING;
            SessionRules.checkScope(move.scope(), found.seriesId != null);
            ZonedDateTime start = ZonedDateTime.ofLocal(move.start(), zone, null);
            SessionRules.checkStart(start.toOffsetDateTime(), now(), settings.pastWindow());
            Uni<List<ZonedDateTime>> starts = following ? followingStarts(found, move, zone) : Uni.createFrom().item(List.of(start));
            return starts.map(all -> new PlannedMove(my, found, all, zone, minutes, following));
        }));
    }

    /**
     * Moves the session, or this and the following occurrences of its series, with the events; the session locked and at
     * the version {@code ifMatch} names (412 when it names another; none lets the move through).
     */
    @WithTransaction
    public Uni<SessionWithAgenda> move(PlannedMove plan, SessionMove move, String ifMatch) {
        return activeForUpdate(plan.participant().tenant(), plan.session().partnershipId).chain(p -> plan.following()
                ? moveFollowing(plan.participant().id(), p, plan.session().id, move, plan.starts(), plan.zone(), plan.minutes(), ifMatch)
                : moveOne(plan.session().id, plan.starts().get(0), plan.minutes(), ifMatch));
    }

    /** Within the transaction: the partnership, share-locked and still active. */
    private Uni<PartnershipCopy> activeForUpdate(String tenant, UUID partnershipId) {
        return partnerships.lockedForScheduling(tenant, partnershipId).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("partnership", partnershipId);
            }
            SessionRules.checkSchedulable(p.state, p.active());
            return p;
        });
    }

    /**
     * Within the transaction: the session, locked, at the version {@code ifMatch} names and still scheduled (a cancel
     * that committed meanwhile wins).
     */
    private Uni<MentoringSession> scheduledForUpdate(UUID sessionId, String ifMatch) {
        return sessions.lockedForChange(sessionId).map(s -> {
            EntityTags.check(ifMatch, s.version, false, "the session");
            SessionRules.checkMovable(s.state);
            return s;
        });
    }

    private Uni<List<ZonedDateTime>> followingStarts(MentoringSession found, SessionMove move, ZoneId zone) {
        return series.findById(found.seriesId).chain(old -> sessions.scheduledFrom(found.seriesId, found.recurrenceId)
                .map(following -> Recurrence.parse(followingRule(old, move, following.size())).occurrences(move.start(), zone)));
    }

    /**
     * The rule of the series that "this and following" starts: the one given, else the old series' rule, with its
     * COUNT set to the occurrences that move.
     */
    private static String followingRule(SessionSeries old, SessionMove move, int moving) {
        if (move.rrule() != null && !move.rrule().isBlank()) {
            return Recurrence.parse(move.rrule()).text();
        }
        return old.rrule.contains("COUNT=") ? Recurrence.withCount(old.rrule, moving) : old.rrule;
    }

    private Uni<SessionWithAgenda> moveOne(UUID sessionId, ZonedDateTime start, int minutes, String ifMatch) {
        OffsetDateTime now = now();
        return scheduledForUpdate(sessionId, ifMatch).chain(s -> {
            OffsetDateTime previous = s.startsAt;
            place(s, start, minutes);
            s.changed(now);
            return bookings.release(List.of(s.id)).chain(() -> s.persistAndFlush()).chain(() -> bookings.book(s))
                    .chain(() -> outbox.append(SessionPublisher.session(s, SessionEvents.RESCHEDULED, previous, now)))
                    .chain(() -> withAgenda(s));
        });
    }

    /** This and the following occurrences move to a new series from the new start; the old series ends before them. */
    private Uni<SessionWithAgenda> moveFollowing(UUID my, PartnershipCopy p, UUID sessionId, SessionMove move,
            List<ZonedDateTime> starts, ZoneId zone, int minutes, String ifMatch) {
        OffsetDateTime now = now();
        return scheduledForUpdate(sessionId, ifMatch).chain(first -> series.lockedForChange(first.seriesId)
                .chain(old -> sessions.scheduledFrom(first.seriesId, first.recurrenceId).chain(following -> {
                    SessionSeries next = new SessionSeries();
                    next.id = UUID.randomUUID();
                    next.tenant = old.tenant;
                    next.partnershipId = old.partnershipId;
                    next.rrule = followingRule(old, move, following.size());
                    next.firstLocalStart = starts.get(0).toLocalDateTime();
                    next.timeZone = zone.getId();
                    next.durationMinutes = minutes;
                    next.createdAt = now;
                    old.rrule = Recurrence.endingBefore(old.rrule, first.recurrenceId.toInstant());
                    old.sequence++;
                    List<DomainEvent> events = new ArrayList<>();
                    List<MentoringSession> toBook = new ArrayList<>();
                    for (int i = 0; i < Math.max(starts.size(), following.size()); i++) {
                        if (i < starts.size() && i < following.size()) {
                            MentoringSession s = following.get(i);
                            OffsetDateTime previous = s.startsAt;
                            s.seriesId = next.id;
                            s.recurrenceId = starts.get(i).toOffsetDateTime();
                            place(s, starts.get(i), minutes);
                            s.changed(now);
                            toBook.add(s);
                            events.add(SessionPublisher.session(s, SessionEvents.RESCHEDULED, previous, now));
                        } else if (i < starts.size()) {
                            MentoringSession s = newSession(p, my, next, starts.get(i), minutes, first.mode, first.placeOrLink, now);
                            toBook.add(s);
                            events.add(SessionPublisher.session(s, SessionEvents.SCHEDULED, null, now));
                        } else {
                            MentoringSession s = following.get(i);
                            s.cancel(SessionEnums.CancelReason.OTHER, s.roleOf(my),
                                    SessionRules.cancelledLate(s.startsAt, now, settings.lateCancellation()), now);
                            events.add(SessionPublisher.session(s, SessionEvents.CANCELLED, null, now));
                        }
                    }
                    return next.persistAndFlush()
                            .chain(() -> bookings.release(following.stream().map(s -> s.id).toList()))
                            .chain(() -> sessions.flush())
                            .chain(() -> persistAndBook(toBook))
                            .chain(() -> outbox.appendAll(events))
                            .chain(() -> withAgenda(first));
                })));
    }

    private Uni<SessionWithAgenda> withAgenda(MentoringSession s) {
        return agendas.agendaOf(s.id).map(agenda -> new SessionWithAgenda(s, agenda));
    }

    private static MentoringSession newSession(PartnershipCopy p, UUID my, SessionSeries series, ZonedDateTime start, int minutes,
            SessionEnums.Mode mode, String place, OffsetDateTime now) {
        MentoringSession s = new MentoringSession();
        s.id = UUID.randomUUID();
        s.tenant = p.tenant;
        s.partnershipId = p.id;
        s.menteeId = p.menteeId;
        s.mentorId = p.mentorId;
        s.seriesId = series == null ? null : series.id;
        s.recurrenceId = series == null ? null : start.toOffsetDateTime();
        place(s, start, minutes);
        s.mode = mode;
        s.placeOrLink = place;
        s.state = SessionEnums.State.SCHEDULED;
        s.createdBy = my;
        s.createdAt = now;
        s.updatedAt = now;
        s.version = 1;
        return s;
    }

    private static void place(MentoringSession s, ZonedDateTime start, int minutes) {
        s.localStart = start.toLocalDateTime();
        s.timeZone = start.getZone().getId();
        s.startsAt = start.toOffsetDateTime();
        s.endsAt = start.plusMinutes(minutes).toOffsetDateTime();
        s.durationMinutes = minutes;
        s.reminderDaySentAt = null;
        s.reminderHourSentAt = null;
    }

    /** Persists, flushes and books the sessions one after the other. */
    private Uni<Void> persistAndBook(List<MentoringSession> toBook) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (MentoringSession s : toBook) {
            done = done.chain(() -> s.persistAndFlush()).chain(() -> bookings.book(s));
        }
        return done;
    }
}
