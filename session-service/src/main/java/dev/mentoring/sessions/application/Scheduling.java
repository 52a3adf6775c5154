package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.api.SessionViews;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.Recurrence;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.events.SessionEvents;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.PartnershipCopy;
import dev.mentoring.sessions.persistence.SessionSeries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Scheduling, moving, cancelling and completing sessions, for the two people of an active partnership.
 * Every change is one transaction with its events; an overlap with another session of either person is
 * a 409 naming it, checked by the database under concurrency.
 */
@ApplicationScoped
public class Scheduling {

    private final CallingParticipant me;
    private final Bookings bookings;
    private final Outbox outbox;
    private final SessionSettings settings;
    private final Clock clock;

    Scheduling(CallingParticipant me, Bookings bookings, Outbox outbox, SessionSettings settings) {
        this.me = me;
        this.bookings = bookings;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** A session of the caller's; 404 for anyone else's. */
    Uni<MentoringSession> mine(UUID my, UUID sessionId) {
        return MentoringSession.<MentoringSession>find("tenant = ?1 and id = ?2", me.tenant(), sessionId).firstResult()
                .map(s -> {
                    if (s == null || !(my.equals(s.menteeId) || my.equals(s.mentorId))) {
                        throw ProblemException.notFound("session", sessionId);
                    }
                    return s;
                });
    }

    /** Runs the change in one transaction; the database's overlap refusal becomes a 409 naming the clash. */
    private <T> Uni<T> inTransaction(Supplier<Uni<T>> change, UUID mentee, UUID mentor, List<ZonedDateTime> starts, int minutes) {
        return Panache.withTransaction(change).onFailure(Bookings::isOverlap).recoverWithUni(failure -> Panache.withSession(() -> {
            Uni<Object[]> found = Uni.createFrom().nullItem();
            for (ZonedDateTime start : starts) {
                found = found.chain(clash -> clash != null ? Uni.createFrom().item(clash)
                        : bookings.clash(mentee, mentor, start.toOffsetDateTime(), start.plusMinutes(minutes).toOffsetDateTime(), null));
            }
            return found.map(clash -> {
                throw clash != null ? Bookings.clashProblem(clash)
                        : new ProblemException(409, "Conflict", "The time overlaps another session of one of the two people");
            });
        }));
    }

    private void checkPlace(SessionEnums.Mode mode, String placeOrLink) {
        if (mode != SessionEnums.Mode.PHONE && (placeOrLink == null || placeOrLink.isBlank())) {
            throw ProblemException.badRequest("placeOrLink", mode == SessionEnums.Mode.IN_PERSON
                    ? "is required for an in-person session: where do you meet?" : "is required for a video session: the link");
        }
    }

    /** Sessions are planned at most this far ahead. */
    static final int MAX_YEARS_AHEAD = 2;

    private void checkNotTooEarly(ZonedDateTime start) {
        if (start.toOffsetDateTime().isBefore(now().minus(settings.pastWindow()))) {
            throw ProblemException.unprocessable("start", "is more than " + settings.pastWindow().toDays()
                    + " days ago; only recent sessions can be recorded afterwards");
        }
        if (start.toOffsetDateTime().isAfter(now().plusYears(MAX_YEARS_AHEAD))) {
            throw ProblemException.unprocessable("start", "is more than " + MAX_YEARS_AHEAD + " years ahead");
        }
    }

    /**
     * Within the transaction: the partnership, share-locked and still active. A pause or end handled meanwhile
     * either came first (409 here) or waits for this transaction and then cancels what it scheduled.
     */
    private static Uni<PartnershipCopy> activeForUpdate(UUID partnershipId) {
        return PartnershipCopy.<PartnershipCopy>findById(partnershipId, LockModeType.PESSIMISTIC_READ).map(p -> {
            checkActive(p);
            return p;
        });
    }

    /** Within the transaction: the session, locked and still scheduled (a cancel that committed meanwhile wins). */
    private static Uni<MentoringSession> scheduledForUpdate(UUID sessionId) {
        return MentoringSession.<MentoringSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE).map(s -> {
            if (s.state != SessionEnums.State.SCHEDULED) {
                throw new ProblemException(409, "Conflict", "The session is " + s.state + "; only scheduled sessions move");
            }
            return s;
        });
    }

    private static void checkActive(PartnershipCopy p) {
        if (!p.active()) {
            throw new ProblemException(409, "Conflict", "The partnership is " + p.state + ": sessions are scheduled in active partnerships");
        }
    }

    private MentoringSession newSession(PartnershipCopy p, UUID my, SessionSeries series, ZonedDateTime start, int minutes,
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
    private Uni<Void> persistAndBook(List<MentoringSession> sessions) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (MentoringSession s : sessions) {
            done = done.chain(() -> s.persistAndFlush()).chain(() -> bookings.book(s));
        }
        return done;
    }

    public Uni<SessionViews.Scheduled> schedule(UUID partnershipId, SessionViews.Schedule in) {
        checkPlace(in.mode(), in.placeOrLink());
        ZoneId zone = ZoneId.of(in.timeZone());
        Recurrence recurrence = in.rrule() == null || in.rrule().isBlank() ? null : Recurrence.parse(in.rrule());
        List<ZonedDateTime> starts = recurrence == null ? List.of(ZonedDateTime.ofLocal(in.start(), zone, null))
                : recurrence.occurrences(in.start(), zone);
        checkNotTooEarly(starts.get(0));
        return me.id().chain(my -> me.partnership(my, partnershipId).chain(found -> {
            checkActive(found);
            return inTransaction(() -> activeForUpdate(found.id).chain(p -> {
                OffsetDateTime now = now();
                SessionSeries series = null;
                if (recurrence != null) {
                    series = new SessionSeries();
                    series.id = UUID.randomUUID();
                    series.tenant = p.tenant;
                    series.partnershipId = p.id;
                    series.rrule = recurrence.text();
                    series.firstLocalStart = starts.get(0).toLocalDateTime(); // DTSTART is an occurrence: the first the rule makes
                    series.timeZone = zone.getId();
                    series.durationMinutes = in.durationMinutes();
                    series.createdAt = now;
                }
                List<MentoringSession> sessions = new ArrayList<>();
                for (ZonedDateTime start : starts) {
                    sessions.add(newSession(p, my, series, start, in.durationMinutes(), in.mode(), in.placeOrLink(), now));
                }
                List<AgendaItem> agenda = new ArrayList<>();
                if (in.agenda() != null) {
                    for (String text : in.agenda()) {
                        agenda.add(SessionContent.agendaItem(sessions.get(0).id, agenda.size() + 1, text, my, now));
                    }
                }
                SessionSeries created = series;
                Uni<Void> saved = created == null ? Uni.createFrom().voidItem() : created.persistAndFlush().replaceWithVoid();
                return saved.chain(() -> persistAndBook(sessions))
                        .chain(() -> agenda.isEmpty() ? Uni.createFrom().voidItem() : AgendaItem.persist(agenda))
                        .chain(() -> outbox.appendAll(sessions.stream()
                                .map(s -> SessionEvents.session(s, SessionEvents.SCHEDULED, null, now)).toList()))
                        .map(ignored -> new SessionViews.Scheduled(created == null ? null : created.id, sessions.stream()
                                .map(s -> SessionViews.SessionView.of(s, s == sessions.get(0) ? agenda : List.of())).toList()));
            }), found.menteeId, found.mentorId, starts, in.durationMinutes());
        }));
    }

    public Uni<SessionViews.SessionView> reschedule(UUID sessionId, SessionViews.Reschedule in) {
        return me.id().chain(my -> Panache.withSession(() -> mine(my, sessionId)).chain(found -> {
            if (found.state != SessionEnums.State.SCHEDULED) {
                throw new ProblemException(409, "Conflict", "The session is " + found.state + "; only scheduled sessions move");
            }
            ZoneId zone = ZoneId.of(in.timeZone() == null ? found.timeZone : in.timeZone());
            int minutes = in.durationMinutes() == null ? found.durationMinutes : in.durationMinutes();
            boolean following = in.scope() == SessionEnums.Scope.THIS_AND_FOLLOWING;
            if (following && found.seriesId == null) {
                throw ProblemException.unprocessable("scope", "THIS_AND_FOLLOWING is for sessions of a series");
            }
            ZonedDateTime start = ZonedDateTime.ofLocal(in.start(), zone, null);
            checkNotTooEarly(start);
            List<ZonedDateTime> starts = following ? null : List.of(start);
            return (following ? followingStarts(found, in, zone) : Uni.createFrom().item(starts)).chain(all ->
                    inTransaction(() -> activeForUpdate(found.partnershipId).chain(p -> {
                        return following ? moveFollowing(my, p, found.id, in, all, zone, minutes) : moveOne(found.id, start, minutes);
                    }), found.menteeId, found.mentorId, all, minutes));
        }));
    }

    private Uni<List<ZonedDateTime>> followingStarts(MentoringSession found, SessionViews.Reschedule in, ZoneId zone) {
        return Panache.withSession(() -> SessionSeries.<SessionSeries>findById(found.seriesId).chain(series ->
                followingOf(found).map(following -> {
                    return Recurrence.parse(followingRule(series, in, following.size())).occurrences(in.start(), zone);
                })));
    }

    /**
     * The rule of the series that "this and following" starts: the one given, else the old series' rule, with
     * its COUNT set to the occurrences that move.
     */
    private static String followingRule(SessionSeries old, SessionViews.Reschedule in, int moving) {
        if (in.rrule() != null && !in.rrule().isBlank()) {
            return Recurrence.parse(in.rrule()).text();
        }
        return old.rrule.contains("COUNT=") ? Recurrence.withCount(old.rrule, moving) : old.rrule;
    }

    private static Uni<List<MentoringSession>> followingOf(MentoringSession s) {
        return MentoringSession.list("seriesId = ?1 and recurrenceId >= ?2 and state = ?3 order by recurrenceId",
                s.seriesId, s.recurrenceId, SessionEnums.State.SCHEDULED);
    }

    private Uni<SessionViews.SessionView> moveOne(UUID sessionId, ZonedDateTime start, int minutes) {
        OffsetDateTime now = now();
        return scheduledForUpdate(sessionId).chain(s -> {
            OffsetDateTime previous = s.startsAt;
            place(s, start, minutes);
            SessionLifecycle.changed(s, now);
            return bookings.release(List.of(s.id)).chain(() -> s.persistAndFlush()).chain(() -> bookings.book(s))
                    .chain(() -> outbox.append(SessionEvents.session(s, SessionEvents.RESCHEDULED, previous, now)))
                    .chain(() -> view(s));
        });
    }

    /** This and the following occurrences move to a new series from the new start; the old series ends before them. */
    private Uni<SessionViews.SessionView> moveFollowing(UUID my, PartnershipCopy p, UUID sessionId, SessionViews.Reschedule in,
            List<ZonedDateTime> starts, ZoneId zone, int minutes) {
        OffsetDateTime now = now();
        return scheduledForUpdate(sessionId).chain(first -> SessionSeries.<SessionSeries>findById(first.seriesId, LockModeType.PESSIMISTIC_WRITE)
                .chain(old -> followingOf(first).chain(following -> {
                    SessionSeries next = new SessionSeries();
                    next.id = UUID.randomUUID();
                    next.tenant = old.tenant;
                    next.partnershipId = old.partnershipId;
                    next.rrule = followingRule(old, in, following.size());
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
                            SessionLifecycle.changed(s, now);
                            toBook.add(s);
                            events.add(SessionEvents.session(s, SessionEvents.RESCHEDULED, previous, now));
                        } else if (i < starts.size()) {
                            MentoringSession s = newSession(p, my, next, starts.get(i), minutes, first.mode, first.placeOrLink, now);
                            toBook.add(s);
                            events.add(SessionEvents.session(s, SessionEvents.SCHEDULED, null, now));
                        } else {
                            MentoringSession s = following.get(i);
                            SessionLifecycle.cancel(s, SessionEnums.CancelReason.OTHER, s.roleOf(my), late(s, now), now);
                            events.add(SessionEvents.session(s, SessionEvents.CANCELLED, null, now));
                        }
                    }
                    return next.persistAndFlush()
                            .chain(() -> bookings.release(following.stream().map(s -> s.id).toList()))
                            .chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> persistAndBook(toBook))
                            .chain(() -> outbox.appendAll(events))
                            .chain(() -> view(first));
                })));
    }

    private boolean late(MentoringSession s, OffsetDateTime now) {
        return Duration.between(now, s.startsAt).compareTo(settings.lateCancellation()) < 0;
    }

    public Uni<SessionViews.SessionView> cancel(UUID sessionId, SessionViews.Cancellation in) {
        if (in.reasonCategory() == SessionEnums.CancelReason.PARTNERSHIP_PAUSED
                || in.reasonCategory() == SessionEnums.CancelReason.PARTNERSHIP_ENDED) {
            throw ProblemException.unprocessable("reasonCategory", "is set by the platform when a partnership pauses or ends");
        }
        return me.id().chain(my -> Panache.withTransaction(() -> mine(my, sessionId).chain(s -> {
            if (s.state != SessionEnums.State.SCHEDULED) {
                throw new ProblemException(409, "Conflict", "The session is " + s.state + "; only scheduled sessions are cancelled");
            }
            boolean following = in.scope() == SessionEnums.Scope.THIS_AND_FOLLOWING;
            if (following && s.seriesId == null) {
                throw ProblemException.unprocessable("scope", "THIS_AND_FOLLOWING is for sessions of a series");
            }
            OffsetDateTime now = now();
            Uni<List<MentoringSession>> affected = following ? followingOf(s) : Uni.createFrom().item(List.of(s));
            return affected.chain(sessions -> {
                List<DomainEvent> events = new ArrayList<>();
                for (MentoringSession c : sessions) {
                    SessionLifecycle.cancel(c, in.reasonCategory(), c.roleOf(my), late(c, now), now);
                    events.add(SessionEvents.session(c, SessionEvents.CANCELLED, null, now));
                }
                Uni<Void> series = s.seriesId == null ? Uni.createFrom().voidItem()
                        : SessionSeries.<SessionSeries>findById(s.seriesId).invoke(x -> x.sequence++).replaceWithVoid();
                return series.chain(() -> bookings.release(sessions.stream().map(c -> c.id).toList()))
                        .chain(() -> outbox.appendAll(events)).chain(() -> view(s));
            });
        })));
    }

    public Uni<SessionViews.SessionView> complete(UUID sessionId, SessionViews.Completion in) {
        return me.id().chain(my -> Panache.withTransaction(() -> mine(my, sessionId).chain(s -> {
            OffsetDateTime now = now();
            if (s.state != SessionEnums.State.SCHEDULED) {
                throw new ProblemException(409, "Conflict", "The session is " + s.state + " already");
            }
            if (s.startsAt.isAfter(now)) {
                throw new ProblemException(409, "Conflict", "A session is marked done once it has started (it starts " + s.startsAt + ")");
            }
            s.attendance = in.attendance();
            boolean held = in.attendance() == SessionEnums.Attendance.BOTH;
            s.state = held ? SessionEnums.State.COMPLETED : SessionEnums.State.NO_SHOW;
            s.actualMinutes = held ? (in.actualMinutes() == null ? s.durationMinutes : in.actualMinutes()) : null;
            SessionLifecycle.changed(s, now);
            return outbox.append(SessionEvents.session(s, held ? SessionEvents.COMPLETED : SessionEvents.NO_SHOW, null, now))
                    .chain(() -> view(s));
        })));
    }

    public Uni<SessionViews.SessionView> get(UUID sessionId) {
        return me.id().chain(my -> Panache.withSession(() -> mine(my, sessionId).chain(this::view)));
    }

    Uni<SessionViews.SessionView> view(MentoringSession s) {
        return AgendaItem.<AgendaItem>list("sessionId = ?1 order by position", s.id).map(agenda -> SessionViews.SessionView.of(s, agenda));
    }

    /** The date range of a list: from (default a week ago) to (default a year after from), at most two years. */
    private OffsetDateTime[] range(OffsetDateTime from, OffsetDateTime to) {
        OffsetDateTime start = from != null ? from : now().minusDays(7);
        OffsetDateTime end = to != null ? to : start.plusYears(1);
        if (!end.isAfter(start)) {
            throw ProblemException.badRequest("to", "must be after from");
        }
        if (end.isAfter(start.plusYears(2))) {
            throw ProblemException.badRequest("to", "may be at most two years after from");
        }
        return new OffsetDateTime[] { start, end };
    }

    private static Object[] cursor(PageRequest page) {
        if (page.after() == null) {
            return null;
        }
        try {
            int split = page.after().indexOf('|');
            return new Object[] { OffsetDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(page.after().substring(0, split))), ZoneOffset.UTC),
                    UUID.fromString(page.after().substring(split + 1)) };
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
        }
    }

    private static <T> Uni<Page<T>> page(String where, List<Object> params, PageRequest page, java.util.function.Function<MentoringSession, T> item) {
        Object[] after = cursor(page);
        List<Object> all = new ArrayList<>(params);
        String query = where;
        if (after != null) {
            query += " and (startsAt > ?" + (all.size() + 1) + " or (startsAt = ?" + (all.size() + 1) + " and id > ?" + (all.size() + 2) + "))";
            all.add(after[0]);
            all.add(after[1]);
        }
        return MentoringSession.<MentoringSession>find(query + " order by startsAt, id", all.toArray())
                .range(0, page.limit()).list()
                .map(rows -> page.page(rows, s -> s.startsAt.toInstant().toEpochMilli() + "|" + s.id, item));
    }

    public Uni<Page<SessionViews.SessionView>> mySessions(OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        OffsetDateTime[] range = range(from, to);
        return me.id().chain(my -> Panache.withSession(() -> page(
                "tenant = ?1 and (menteeId = ?2 or mentorId = ?2) and startsAt >= ?3 and startsAt < ?4",
                List.of(me.tenant(), my, range[0], range[1]), page, s -> SessionViews.SessionView.of(s, null))));
    }

    public Uni<Page<SessionViews.SessionView>> ofPartnership(UUID partnershipId, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        OffsetDateTime[] range = range(from, to);
        return me.id().chain(my -> Panache.withSession(() -> me.partnership(my, partnershipId).chain(p -> page(
                "tenant = ?1 and partnershipId = ?2 and startsAt >= ?3 and startsAt < ?4",
                List.of(me.tenant(), p.id, range[0], range[1]), page, s -> SessionViews.SessionView.of(s, null)))));
    }

    public Uni<Page<SessionViews.SessionSummary>> ofTenant(OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        OffsetDateTime[] range = range(from, to);
        return Panache.withSession(() -> page("tenant = ?1 and startsAt >= ?2 and startsAt < ?3",
                List.of(me.tenant(), range[0], range[1]), page, SessionViews.SessionSummary::of));
    }
}
