package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.SessionEvents;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.Recurrence;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.domain.SessionRules;
import dev.mentoring.sessions.events.SessionPublisher;
import dev.mentoring.sessions.persistence.AgendaItemRepository;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.SessionRepository;
import dev.mentoring.sessions.persistence.SessionSeriesRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Sessions of a partnership, for its two people: scheduling (a single session or a series), moving, cancelling,
 * completing and reading them; the tenant's sessions for program admins. Every change is one transaction with its
 * events, on the session locked and at the version an If-Match names (optional: without one the last change wins); an
 * overlap with another session of either person is a 409 naming it, checked by the database under
 * concurrency (scheduling and moving run their reads and their transaction as steps of {@link Scheduling}, so that the
 * clash is named after the database refused it).
 */
@ApplicationScoped
public class Sessions {

    private final CallingParticipant me;
    private final Scheduling scheduling;
    private final Bookings bookings;
    private final SessionRepository sessions;
    private final SessionSeriesRepository series;
    private final AgendaItemRepository agendas;
    private final Outbox outbox;
    private final SessionSettings settings;
    private final Clock clock;

    Sessions(CallingParticipant me, Scheduling scheduling, Bookings bookings, SessionRepository sessions,
            SessionSeriesRepository series, AgendaItemRepository agendas, Outbox outbox, SessionSettings settings, Clock clock) {
        this.me = me;
        this.scheduling = scheduling;
        this.bookings = bookings;
        this.sessions = sessions;
        this.series = series;
        this.agendas = agendas;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Schedules a session, or a series with all its occurrences, in an active partnership of the caller's. */
    public Uni<ScheduledSessions> schedule(UUID partnershipId, SessionPlan plan) {
        checkPlace(plan.mode(), plan.placeOrLink());
        ZoneId zone = ZoneId.of(plan.timeZone());
        Recurrence recurrence = plan.rrule() == null || plan.rrule().isBlank() ? null : Recurrence.parse(plan.rrule());
        List<ZonedDateTime> starts = recurrence == null ? List.of(ZonedDateTime.ofLocal(plan.start(), zone, null))
                : recurrence.occurrences(plan.start(), zone);
        SessionRules.checkStart(starts.get(0).toOffsetDateTime(), now(), settings.pastWindow());
        return scheduling.partnership(partnershipId).chain(found -> scheduling
                .schedule(found.participant(), partnershipId, plan, recurrence, starts)
                .onFailure(Bookings::isOverlap).recoverWithUni(failure -> bookings.<ScheduledSessions>nameClash(
                        found.partnership().menteeId, found.partnership().mentorId, starts, plan.durationMinutes())));
    }

    /** Moves a session, or this and the following occurrences of its series, if it is at the version {@code ifMatch} names. */
    public Uni<SessionWithAgenda> reschedule(UUID sessionId, SessionMove move, String ifMatch) {
        return scheduling.planMove(sessionId, move).chain(plan -> scheduling.move(plan, move, ifMatch)
                .onFailure(Bookings::isOverlap).recoverWithUni(failure -> bookings.<SessionWithAgenda>nameClash(
                        plan.session().menteeId, plan.session().mentorId, plan.starts(), plan.minutes())));
    }

    /**
     * Cancels a session (or this and the following of its series) with the caller's reason, if it is at the version
     * {@code ifMatch} names; late when close to the start.
     */
    @WithTransaction
    public Uni<SessionWithAgenda> cancel(UUID sessionId, SessionEnums.CancelReason reason, SessionEnums.Scope scope, String ifMatch) {
        SessionRules.checkCancelReason(reason);
        return me.find().chain(my -> me.sessionForChange(my, sessionId).chain(s -> {
            EntityTags.check(ifMatch, s.version, false, "the session");
            SessionRules.checkCancellable(s.state);
            SessionRules.checkScope(scope, s.seriesId != null);
            OffsetDateTime now = now();
            Uni<List<MentoringSession>> affected = scope == SessionEnums.Scope.THIS_AND_FOLLOWING
                    ? sessions.scheduledFrom(s.seriesId, s.recurrenceId) : Uni.createFrom().item(List.of(s));
            return affected.chain(cancelled -> {
                List<DomainEvent> events = new ArrayList<>();
                for (MentoringSession c : cancelled) {
                    c.cancel(reason, c.roleOf(my.id()), SessionRules.cancelledLate(c.startsAt, now, settings.lateCancellation()), now);
                    events.add(SessionPublisher.session(c, SessionEvents.CANCELLED, null, now));
                }
                Uni<Void> raised = s.seriesId == null ? Uni.createFrom().voidItem()
                        : series.findById(s.seriesId).invoke(x -> x.sequence++).replaceWithVoid();
                return raised.chain(() -> bookings.release(cancelled.stream().map(c -> c.id).toList()))
                        .chain(() -> outbox.appendAll(events)).chain(() -> withAgenda(s));
            });
        }));
    }

    /**
     * Marks a session that has started as held (both came) or missed, with the actual minutes, if it is at the version
     * {@code ifMatch} names.
     */
    @WithTransaction
    public Uni<SessionWithAgenda> complete(UUID sessionId, SessionEnums.Attendance attendance, Integer actualMinutes, String ifMatch) {
        return me.find().chain(my -> me.sessionForChange(my, sessionId).chain(s -> {
            EntityTags.check(ifMatch, s.version, false, "the session");
            OffsetDateTime now = now();
            SessionRules.checkCompletable(s.state, s.startsAt, now);
            s.attendance = attendance;
            boolean held = attendance == SessionEnums.Attendance.BOTH;
            s.state = held ? SessionEnums.State.COMPLETED : SessionEnums.State.NO_SHOW;
            s.actualMinutes = held ? (actualMinutes == null ? s.durationMinutes : actualMinutes) : null;
            s.changed(now);
            return outbox.append(SessionPublisher.session(s, held ? SessionEvents.COMPLETED : SessionEvents.NO_SHOW, null, now))
                    .chain(() -> withAgenda(s));
        }));
    }

    /** One of the caller's sessions with its agenda. */
    @WithSession
    public Uni<SessionWithAgenda> get(UUID sessionId) {
        return me.find().chain(my -> me.session(my, sessionId).chain(this::withAgenda));
    }

    /**
     * The sessions the caller may list, in a date range, by start: a program admin's are the tenant's (and they see no
     * content), a mentor's or mentee's their own across their partnerships.
     */
    @WithSession
    public Uni<ListedSessions> list(OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        OffsetDateTime[] range = range(from, to);
        Cursor after = Cursor.of(page);
        if (me.isProgramAdmin()) {
            return sessions.ofTenant(me.tenant(), range[0], range[1], after.startsAt(), after.id(), page.limit())
                    .map(rows -> new ListedSessions(page(page, rows), false));
        }
        return me.find().chain(my -> sessions.ofParticipant(my.tenant(), my.id(), range[0], range[1], after.startsAt(), after.id(),
                page.limit())).map(rows -> new ListedSessions(page(page, rows), true));
    }

    /** A partnership's sessions in a date range, by start, for its two people. */
    @WithSession
    public Uni<Page<MentoringSession>> ofPartnership(UUID partnershipId, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        OffsetDateTime[] range = range(from, to);
        return me.find().chain(my -> me.partnership(my, partnershipId).chain(p -> {
            Cursor after = Cursor.of(page);
            return sessions.ofPartnership(my.tenant(), p.id, range[0], range[1], after.startsAt(), after.id(), page.limit())
                    .map(rows -> page(page, rows));
        }));
    }

    private Uni<SessionWithAgenda> withAgenda(MentoringSession s) {
        return agendas.agendaOf(s.id).map(agenda -> new SessionWithAgenda(s, agenda));
    }

    private static void checkPlace(SessionEnums.Mode mode, String placeOrLink) {
        if (mode != SessionEnums.Mode.PHONE && (placeOrLink == null || placeOrLink.isBlank())) {
            throw ProblemException.badRequest("placeOrLink", mode == SessionEnums.Mode.IN_PERSON
                    ? "is required for an in-person session: where do you meet?" : "is required for a video session: the link");
        }
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

    private static Page<MentoringSession> page(PageRequest page, List<MentoringSession> rows) {
        return page.page(rows, s -> s.startsAt.toInstant().toEpochMilli() + "|" + s.id, Function.identity());
    }

    /** Where a page of sessions starts: after this start and id (both null on the first page). */
    private record Cursor(OffsetDateTime startsAt, UUID id) {

        static Cursor of(PageRequest page) {
            if (page.after() == null) {
                return new Cursor(null, null);
            }
            try {
                int split = page.after().indexOf('|');
                return new Cursor(OffsetDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(page.after().substring(0, split))),
                        ZoneOffset.UTC), UUID.fromString(page.after().substring(split + 1)));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
            }
        }
    }
}
