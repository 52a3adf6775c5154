package dev.mentoring.sessions.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.application.AgendaItemEdit;
import dev.mentoring.sessions.application.Agendas;
import dev.mentoring.sessions.application.Notes;
import dev.mentoring.sessions.application.SessionWithAgenda;
import dev.mentoring.sessions.application.Sessions;
import io.smallrye.mutiny.Uni;

/**
 * Sessions: the collection (a person's own, or the tenant's for a program admin), a partnership's sessions, scheduling
 * (single or series), moving, cancelling, completing, agenda and notes. Sessions, agenda items and notes answer with
 * their ETag; changing an agenda item or a note needs it back in If-Match, a session's state change may send it.
 */
@Path("/")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    static final String FROM = "ISO 8601 date-time with offset; defaults to a week ago";
    static final String TO = "ISO 8601 date-time with offset; defaults to a year after from, at most two years after it";
    static final String SESSION_ETAG = "The session's version in quotes, e.g. \"3\": what If-Match sends to move, cancel or complete it";
    static final String AGENDA_ETAG = "The agenda item's version in quotes, e.g. \"2\": what If-Match sends to change or remove it";
    static final String NOTE_ETAG = "The note's version in quotes, e.g. \"2\": what If-Match sends to change or delete it";
    static final String OPTIONAL_IF_MATCH = "The session's ETag as read; optional (without it the last change wins)";
    static final String REQUIRED_IF_MATCH = "The ETag as read (the version of the item in quotes); required";
    static final String MISSING = "If-Match is missing";

    private final Sessions sessions;
    private final Agendas agendas;
    private final Notes notes;

    SessionResource(Sessions sessions, Agendas agendas, Notes notes) {
        this.sessions = sessions;
        this.agendas = agendas;
        this.notes = notes;
    }

    @POST
    @Path("/partnerships/{partnershipId}/sessions")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "scheduleSession", summary = "Schedule a session, or a series with an RRULE",
            description = "Either participant of an active partnership. A time that overlaps another session of either person is 409 naming it.")
    @APIResponse(responseCode = "201", description = "The session, or all occurrences of the series",
            content = @Content(schema = @Schema(implementation = SessionViews.Scheduled.class)))
    public Uni<SessionViews.Scheduled> schedule(@PathParam("partnershipId") UUID partnershipId, @NotNull @Valid SessionViews.Schedule in) {
        return sessions.schedule(partnershipId, in.plan()).map(SessionViews.Scheduled::of);
    }

    @GET
    @Path("/partnerships/{partnershipId}/sessions")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listPartnershipSessions", summary = "A partnership's sessions in a date range, by start",
            description = "For its two participants. from defaults to a week ago, to to a year after from (at most two years). "
                    + "Paged (limit, cursor); each session without its agenda.")
    public Uni<Page<SessionViews.SessionView>> ofPartnership(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return sessions.ofPartnership(partnershipId, instant("from", from), instant("to", to), PageRequest.of(cursor, limit))
                .map(page -> SessionViews.page(page, SessionViews.SessionView::of));
    }

    @GET
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "listSessions", summary = "Sessions in a date range, by start: a person's own, or the tenant's for a program admin",
            description = "A mentor or mentee gets their own sessions across their partnerships; a program admin gets the tenant's "
                    + "(even one who also takes part in sessions), with dates, states and attendance only: never the place or link, "
                    + "the agenda or notes. from defaults to a week ago, to to a year after from (at most two years). Paged "
                    + "(limit, cursor); each session without its agenda.")
    public Uni<Page<SessionViews.SessionView>> list(
            @QueryParam("from") @Parameter(description = FROM, schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = TO, schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return sessions.list(instant("from", from), instant("to", to), PageRequest.of(cursor, limit))
                .map(SessionViews.SessionView::page);
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "getSession", summary = "One session with its agenda, and its ETag")
    @APIResponse(responseCode = "200", description = "The session with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = SESSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    public Uni<RestResponse<SessionViews.SessionView>> get(@PathParam("sessionId") UUID sessionId) {
        return sessions.get(sessionId).map(found -> SessionViews.tagged(200, SessionViews.SessionView.of(found), found.session().version));
    }

    @POST
    @Path("/{sessionId}/rescheduling")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "rescheduleSession", summary = "Move a session, or this and the following occurrences of its series",
            description = "If-Match with the session's ETag is optional: one that is not its latest is 412; without one the last change wins.")
    @APIResponse(responseCode = "200", description = "The session moved, with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = SESSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.SessionView>> reschedule(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionViews.Reschedule in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = OPTIONAL_IF_MATCH) String ifMatch) {
        return sessions.reschedule(sessionId, in.move(), ifMatch).map(SessionResource::session);
    }

    @POST
    @Path("/{sessionId}/cancellation")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "cancelSession", summary = "Cancel a session (or this and the following of its series) with a reason",
            description = "A cancellation less than 24 hours before the start is marked late. If-Match with the session's ETag is "
                    + "optional: one that is not its latest is 412; without one the last change wins.")
    @APIResponse(responseCode = "200", description = "The session cancelled, with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = SESSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.SessionView>> cancel(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionViews.Cancellation in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = OPTIONAL_IF_MATCH) String ifMatch) {
        return sessions.cancel(sessionId, in.reasonCategory(), in.scope(), ifMatch).map(SessionResource::session);
    }

    @POST
    @Path("/{sessionId}/completion")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "completeSession", summary = "Mark a session that has started as done, with attendance and actual duration",
            description = "If-Match with the session's ETag is optional: one that is not its latest is 412; without one the last change wins.")
    @APIResponse(responseCode = "200", description = "The session done (or missed), with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = SESSION_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.SessionView>> complete(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionViews.Completion in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = OPTIONAL_IF_MATCH) String ifMatch) {
        return sessions.complete(sessionId, in.attendance(), in.actualMinutes(), ifMatch).map(SessionResource::session);
    }

    @POST
    @Path("/{sessionId}/agenda-items")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "addAgendaItem", summary = "Add an agenda item (before or during the session)",
            description = "Answers the session with its agenda; the ETag is the new item's.")
    @APIResponse(responseCode = "201", description = "The session with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = AGENDA_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    public Uni<RestResponse<SessionViews.SessionView>> addAgendaItem(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionViews.AgendaInput in) {
        return agendas.add(sessionId, in.text(), in.position()).map(edit -> agenda(201, edit));
    }

    @PUT
    @Path("/{sessionId}/agenda-items/{agendaItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeAgendaItem", summary = "Edit, tick or move an agenda item",
            description = "Needs If-Match with the item's ETag (its version in the agenda): 412 when it is not the latest, 428 "
                    + "when missing. Answers the session with its agenda; the ETag is the item's.")
    @APIResponse(responseCode = "200", description = "The session with its agenda",
            headers = @Header(name = HttpHeaders.ETAG, description = AGENDA_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = MISSING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.SessionView>> changeAgendaItem(@PathParam("sessionId") UUID sessionId,
            @PathParam("agendaItemId") UUID agendaItemId, @NotNull @Valid SessionViews.AgendaInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = REQUIRED_IF_MATCH, required = true) String ifMatch) {
        return agendas.change(sessionId, agendaItemId, in.text(), in.done(), in.position(), ifMatch).map(edit -> agenda(200, edit));
    }

    @DELETE
    @Path("/{sessionId}/agenda-items/{agendaItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "removeAgendaItem", summary = "Remove an agenda item",
            description = "Needs If-Match with the item's ETag (its version in the agenda): 412 when it is not the latest, 428 "
                    + "when missing. Answers the session with the rest of its agenda, numbered again.")
    @APIResponse(responseCode = "200", description = "The session with the rest of its agenda",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.SessionView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = MISSING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SessionViews.SessionView> removeAgendaItem(@PathParam("sessionId") UUID sessionId,
            @PathParam("agendaItemId") UUID agendaItemId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = REQUIRED_IF_MATCH, required = true) String ifMatch) {
        return agendas.remove(sessionId, agendaItemId, ifMatch).map(edit -> SessionViews.SessionView.of(edit.session()));
    }

    @POST
    @Path("/{sessionId}/notes")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "addNote", summary = "Write a note: SHARED (both read it) or PRIVATE (only you)",
            description = "Nobody else reads notes, program admins included; the text is stored encrypted.")
    @APIResponse(responseCode = "201", description = "The note",
            headers = @Header(name = HttpHeaders.ETAG, description = NOTE_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.NoteView.class)))
    public Uni<RestResponse<SessionViews.NoteView>> addNote(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionViews.NoteInput in) {
        return notes.add(sessionId, in.text(), in.visibility()).map(note -> SessionViews.tagged(201, SessionViews.NoteView.of(note),
                note.note().version));
    }

    @GET
    @Path("/{sessionId}/notes")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listNotes", summary = "The session's shared notes and your own private ones, oldest first",
            description = "Paged (limit, cursor). Each note carries its version, what If-Match sends to change or delete it.")
    public Uni<Page<SessionViews.NoteView>> notes(@PathParam("sessionId") UUID sessionId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return notes.of(sessionId, PageRequest.of(cursor, limit)).map(page -> SessionViews.page(page, SessionViews.NoteView::of));
    }

    @PUT
    @Path("/{sessionId}/notes/{noteId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeNote", summary = "Edit your own note",
            description = "Needs If-Match with the note's ETag: 412 when it is not the latest, 428 when missing.")
    @APIResponse(responseCode = "200", description = "The note",
            headers = @Header(name = HttpHeaders.ETAG, description = NOTE_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.NoteView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = MISSING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.NoteView>> changeNote(@PathParam("sessionId") UUID sessionId, @PathParam("noteId") UUID noteId,
            @NotNull @Valid SessionViews.NoteInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = REQUIRED_IF_MATCH, required = true) String ifMatch) {
        return notes.change(sessionId, noteId, in.text(), in.visibility(), ifMatch)
                .map(note -> SessionViews.tagged(200, SessionViews.NoteView.of(note), note.note().version));
    }

    @DELETE
    @Path("/{sessionId}/notes/{noteId}")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(204)
    @Operation(operationId = "removeNote", summary = "Delete your own note",
            description = "Needs If-Match with the note's ETag: 412 when it is not the latest, 428 when missing.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = MISSING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> removeNote(@PathParam("sessionId") UUID sessionId, @PathParam("noteId") UUID noteId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = REQUIRED_IF_MATCH, required = true) String ifMatch) {
        return notes.remove(sessionId, noteId, ifMatch);
    }

    /** A session's answer, with its ETag. */
    private static RestResponse<SessionViews.SessionView> session(SessionWithAgenda changed) {
        return SessionViews.tagged(200, SessionViews.SessionView.of(changed), changed.session().version);
    }

    /** An agenda change's answer: the session with its agenda, with the ETag of the item added or changed. */
    private static RestResponse<SessionViews.SessionView> agenda(int status, AgendaItemEdit edit) {
        return SessionViews.tagged(status, SessionViews.SessionView.of(edit.session()), edit.item().version);
    }


    /** A date-time query parameter: absent is null, malformed a 400 naming it (JAX-RS alone would say 404). */
    private static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date-time with offset, like 2027-01-05T17:00:00+01:00");
        }
    }
}
