package dev.mentoring.sessions.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.validation.KnownTimeZone;
import dev.mentoring.sessions.application.ActionItemChange;
import dev.mentoring.sessions.application.ActionItemStatus;
import dev.mentoring.sessions.application.ListedSessions;
import dev.mentoring.sessions.application.ReadableNote;
import dev.mentoring.sessions.application.ScheduledSessions;
import dev.mentoring.sessions.application.SessionMove;
import dev.mentoring.sessions.application.SessionPlan;
import dev.mentoring.sessions.application.SessionWithAgenda;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.MentoringSession;

/** What the session API takes and answers, and how the use cases' results become answers. */
public final class SessionViews {

    private SessionViews() {
    }

    /** An answer with the ETag of the resource at {@code version}. */
    static <T> RestResponse<T> tagged(int status, T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).status(status).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    /** A page of results as a page of answers. */
    static <R, T> Page<T> page(Page<R> results, Function<R, T> view) {
        return new Page<>(results.items().stream().map(view).toList(), results.nextCursor());
    }

    @Schema(name = "SessionSchedule")
    public record Schedule(
            @Schema(ref = "LocalDateTime", required = true, description = "Local date-time in the time zone", examples = "2026-12-01T17:00:00")
            @NotNull LocalDateTime start,
            @Schema(required = true, examples = "Europe/Copenhagen") @NotNull @KnownTimeZone String timeZone,
            @Schema(required = true, minimum = "15", maximum = "240") @NotNull @Min(15) @Max(240) Integer durationMinutes,
            @Schema(required = true) @NotNull SessionEnums.Mode mode,
            @Schema(description = "Place (in person) or link (video); required for both", examples = "https://meet.example.com/anna")
            @Size(max = 500) String placeOrLink,
            @Schema(description = "RFC 5545 RRULE for a series: FREQ WEEKLY or MONTHLY, INTERVAL, COUNT or UNTIL (within a year), BYDAY (e.g. 1TU), BYMONTHDAY",
                    examples = "FREQ=MONTHLY;BYDAY=1TU;COUNT=6")
            @Size(max = 300) String rrule,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> agenda) {

        SessionPlan plan() {
            return new SessionPlan(start, timeZone, durationMinutes, mode, placeOrLink, rrule, agenda);
        }
    }

    @Schema(name = "SessionReschedule")
    public record Reschedule(
            @Schema(ref = "LocalDateTime", required = true, examples = "2026-12-08T17:00:00") @NotNull LocalDateTime start,
            @Schema(description = "Defaults to the session's zone") @KnownTimeZone String timeZone,
            @Min(15) @Max(240) Integer durationMinutes,
            @Schema(description = "THIS (default) or THIS_AND_FOLLOWING occurrences of a series") SessionEnums.Scope scope,
            @Schema(description = "For THIS_AND_FOLLOWING: a new rule from this occurrence on; defaults to the series' rule")
            @Size(max = 300) String rrule) {

        SessionMove move() {
            return new SessionMove(start, timeZone, durationMinutes, scope, rrule);
        }
    }

    @Schema(name = "SessionCancellation")
    public record Cancellation(@Schema(required = true) @NotNull SessionEnums.CancelReason reasonCategory,
            @Schema(description = "THIS (default) or THIS_AND_FOLLOWING occurrences of a series") SessionEnums.Scope scope) {
    }

    @Schema(name = "SessionCompletion")
    public record Completion(@Schema(required = true) @NotNull SessionEnums.Attendance attendance,
            @Schema(description = "Defaults to the planned duration") @Min(1) @Max(600) Integer actualMinutes) {
    }

    @Schema(name = "SessionStart")
    public record Start(LocalDateTime local, String timeZone) {
    }

    @Schema(name = "SessionCancellationInfo")
    public record CancellationInfo(SessionEnums.CancelReason reasonCategory, boolean late, SessionEnums.Role by) {
    }

    @Schema(name = "AgendaItem")
    public record AgendaItemView(UUID id, int position, String text, boolean done, UUID addedBy,
            @Schema(description = "The item's version, raised by every change (moving or removing another item renumbers it, "
                    + "a change too); its ETag is this number in quotes, what If-Match sends to change or remove it")
            long version) {
        static AgendaItemView of(AgendaItem item) {
            return new AgendaItemView(item.id, item.position, item.text, item.done, item.addedBy, item.version);
        }
    }

    /**
     * A session: all of it for its two people; for a program admin (who lists the tenant's sessions) without what is
     * private to it, the place or link and the agenda.
     */
    @Schema(name = "Session", description = "A session. Its two people see all of it; a program admin, who lists the tenant's "
            + "sessions, sees dates, states and attendance only: placeOrLink and agenda are absent for them.")
    public record SessionView(UUID id, UUID partnershipId, UUID seriesId, Start start, OffsetDateTime startsAt,
            OffsetDateTime endsAt, int durationMinutes, SessionEnums.Mode mode,
            @Schema(description = "Where (in person) or the link (video); absent when there is none. Private to the two "
                    + "participants: always absent for a program admin")
            @JsonInclude(JsonInclude.Include.NON_NULL) String placeOrLink,
            SessionEnums.State state, CancellationInfo cancellation, SessionEnums.Attendance attendance, Integer actualMinutes,
            @Schema(description = "iCalendar SEQUENCE, raised by each change of time or state") int sequence,
            @Schema(description = "The session's version, raised by every change of it (not of its agenda items, which have "
                    + "their own); its ETag is this number in quotes, what If-Match may send to move, cancel or complete it")
            long version,
            @Schema(description = "The agenda, in order: in the answer about one session (not in lists), and only for its two "
                    + "participants; absent otherwise")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AgendaItemView> agenda) {

        static SessionView of(SessionWithAgenda session) {
            return of(session.session(), session.agenda(), true);
        }

        /** As one of its two people sees it in a list: without its agenda. */
        static SessionView of(MentoringSession s) {
            return of(s, null, true);
        }

        /** A page of a list: for its participants without the agenda, for a program admin without anything private. */
        static Page<SessionView> page(ListedSessions listed) {
            return SessionViews.page(listed.sessions(), s -> of(s, null, listed.participant()));
        }

        static SessionView of(MentoringSession s, List<AgendaItem> agenda, boolean participant) {
            return new SessionView(s.id, s.partnershipId, s.seriesId, new Start(s.localStart, s.timeZone), s.startsAt, s.endsAt,
                    s.durationMinutes, s.mode, participant ? s.placeOrLink : null, s.state,
                    s.state == SessionEnums.State.CANCELLED ? new CancellationInfo(s.cancelReason, Boolean.TRUE.equals(s.cancelledLate), s.cancelledBy) : null,
                    s.attendance, s.actualMinutes, s.sequence, s.version,
                    agenda == null || !participant ? null : agenda.stream().map(AgendaItemView::of).toList());
        }
    }

    /** What scheduling answers: the first session, and for a series all its occurrences. */
    @Schema(name = "ScheduledSessions")
    public record Scheduled(UUID seriesId, List<SessionView> sessions) {

        static Scheduled of(ScheduledSessions scheduled) {
            MentoringSession first = scheduled.sessions().get(0);
            return new Scheduled(scheduled.seriesId(), scheduled.sessions().stream()
                    .map(s -> SessionView.of(s, s == first ? scheduled.firstAgenda() : List.of(), true)).toList());
        }
    }

    @Schema(name = "AgendaItemInput")
    public record AgendaInput(@Schema(description = "Required when adding", examples = "Feedback on my pitch") @Size(min = 1, max = 500) String text,
            Boolean done,
            @Schema(description = "New place in the agenda, from 1") @Min(1) @Max(100) Integer position) {
    }

    @Schema(name = "NoteInput")
    public record NoteInput(@Schema(required = true) @NotBlank @Size(max = 10000) String text,
            @Schema(description = "SHARED (default): both see it; PRIVATE: only its author") SessionEnums.Visibility visibility) {
    }

    @Schema(name = "Note")
    public record NoteView(UUID id, UUID sessionId, UUID authorId, SessionEnums.Visibility visibility, String text,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "The note's version, raised by every change; its ETag is this number in quotes, what If-Match "
                    + "sends to change or delete it")
            long version) {

        static NoteView of(ReadableNote read) {
            return new NoteView(read.note().id, read.note().sessionId, read.note().authorId, read.note().visibility, read.text(),
                    read.note().createdAt, read.note().updatedAt, read.note().version);
        }
    }

    @Schema(name = "ActionItemInput")
    public record ActionItemInput(
            @Schema(description = "Required when adding", examples = "Draft the promotion case") @Size(min = 1, max = 200) String title,
            @Schema(description = "Required when adding", examples = "MENTEE") SessionEnums.Role assignee,
            @Schema(description = "Required when adding", examples = "2027-01-15") LocalDate dueDate,
            @Schema(description = "The session it came from") UUID sessionId,
            @Schema(description = "DONE when done") SessionEnums.ActionState state) {

        ActionItemChange change() {
            return new ActionItemChange(title, assignee, dueDate, sessionId, state);
        }
    }

    @Schema(name = "ActionItem")
    public record ActionItemView(UUID id, UUID partnershipId, UUID sessionId, String title, SessionEnums.Role assignee,
            UUID assigneeId, LocalDate dueDate, SessionEnums.ActionState state, boolean overdue, OffsetDateTime completedAt,
            @Schema(description = "The item's version, raised by every change; its ETag is this number in quotes, what If-Match "
                    + "sends to change it")
            long version) {

        static ActionItemView of(ActionItemStatus status) {
            var item = status.item();
            return new ActionItemView(item.id, item.partnershipId, item.sessionId, item.title, item.assignee, item.assigneeId,
                    item.dueDate, item.state, status.overdue(), item.completedAt, item.version);
        }
    }

    @Schema(name = "CalendarFeedUrl")
    public record FeedUrl(String url) {
    }

}
