package dev.mentoring.sessions.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.application.Agendas;
import dev.mentoring.sessions.application.Notes;
import dev.mentoring.sessions.application.Sessions;
import io.smallrye.mutiny.Uni;

/** Sessions of a partnership: scheduling (single or series), moving, cancelling, completing, agenda and notes. */
@Path("/")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

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
    @Operation(operationId = "listPartnershipSessions", summary = "A partnership's sessions in a date range, by start")
    public Uni<Page<SessionViews.SessionView>> ofPartnership(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("from") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return sessions.ofPartnership(partnershipId, instant("from", from), instant("to", to), PageRequest.of(cursor, limit))
                .map(page -> SessionViews.page(page, SessionViews.SessionView::of));
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listMySessions", summary = "The caller's sessions across their partnerships, in a date range, by start",
            description = "from defaults to a week ago, to to a year after from (at most two years).")
    public Uni<Page<SessionViews.SessionView>> mine(@QueryParam("from") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return sessions.mine(instant("from", from), instant("to", to), PageRequest.of(cursor, limit))
                .map(page -> SessionViews.page(page, SessionViews.SessionView::of));
    }

    @GET
    @Path("/all")
    @RolesAllowed("program-admin")
    @Operation(operationId = "listTenantSessions", summary = "The tenant's sessions: dates, states and attendance only",
            description = "For program admins; never agendas or notes.")
    public Uni<Page<SessionViews.SessionSummary>> all(@QueryParam("from") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "ISO 8601 date-time with offset", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return sessions.ofTenant(instant("from", from), instant("to", to), PageRequest.of(cursor, limit))
                .map(page -> SessionViews.page(page, SessionViews.SessionSummary::of));
    }

    @GET
    @Path("/{sessionId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "getSession", summary = "One session with its agenda")
    public Uni<SessionViews.SessionView> get(@PathParam("sessionId") UUID sessionId) {
        return sessions.get(sessionId).map(SessionViews.SessionView::of);
    }

    @POST
    @Path("/{sessionId}/rescheduling")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "rescheduleSession", summary = "Move a session, or this and the following occurrences of its series")
    public Uni<SessionViews.SessionView> reschedule(@PathParam("sessionId") UUID sessionId, @NotNull @Valid SessionViews.Reschedule in) {
        return sessions.reschedule(sessionId, in.move()).map(SessionViews.SessionView::of);
    }

    @POST
    @Path("/{sessionId}/cancellation")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "cancelSession", summary = "Cancel a session (or this and the following of its series) with a reason",
            description = "A cancellation less than 24 hours before the start is marked late.")
    public Uni<SessionViews.SessionView> cancel(@PathParam("sessionId") UUID sessionId, @NotNull @Valid SessionViews.Cancellation in) {
        return sessions.cancel(sessionId, in.reasonCategory(), in.scope()).map(SessionViews.SessionView::of);
    }

    @POST
    @Path("/{sessionId}/completion")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "completeSession", summary = "Mark a session that has started as done, with attendance and actual duration")
    public Uni<SessionViews.SessionView> complete(@PathParam("sessionId") UUID sessionId, @NotNull @Valid SessionViews.Completion in) {
        return sessions.complete(sessionId, in.attendance(), in.actualMinutes()).map(SessionViews.SessionView::of);
    }

    @POST
    @Path("/{sessionId}/agenda-items")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "addAgendaItem", summary = "Add an agenda item (before or during the session)")
    @APIResponse(responseCode = "201", description = "The session with its agenda",
            content = @Content(schema = @Schema(implementation = SessionViews.SessionView.class)))
    public Uni<SessionViews.SessionView> addAgendaItem(@PathParam("sessionId") UUID sessionId, @NotNull @Valid SessionViews.AgendaInput in) {
        return agendas.add(sessionId, in.text(), in.position()).map(SessionViews.SessionView::of);
    }

    @PUT
    @Path("/{sessionId}/agenda-items/{agendaItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeAgendaItem", summary = "Edit, tick or move an agenda item")
    public Uni<SessionViews.SessionView> changeAgendaItem(@PathParam("sessionId") UUID sessionId,
            @PathParam("agendaItemId") UUID agendaItemId, @NotNull @Valid SessionViews.AgendaInput in) {
        return agendas.change(sessionId, agendaItemId, in.text(), in.done(), in.position()).map(SessionViews.SessionView::of);
    }

    @DELETE
    @Path("/{sessionId}/agenda-items/{agendaItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "removeAgendaItem", summary = "Remove an agenda item")
    public Uni<SessionViews.SessionView> removeAgendaItem(@PathParam("sessionId") UUID sessionId,
            @PathParam("agendaItemId") UUID agendaItemId) {
        return agendas.remove(sessionId, agendaItemId).map(SessionViews.SessionView::of);
    }

    @POST
    @Path("/{sessionId}/notes")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "addNote", summary = "Write a note: SHARED (both read it) or PRIVATE (only you)",
            description = "Nobody else reads notes, program admins included; the text is stored encrypted.")
    @APIResponse(responseCode = "201", description = "The note",
            content = @Content(schema = @Schema(implementation = SessionViews.NoteView.class)))
    public Uni<SessionViews.NoteView> addNote(@PathParam("sessionId") UUID sessionId, @NotNull @Valid SessionViews.NoteInput in) {
        return notes.add(sessionId, in.text(), in.visibility()).map(SessionViews.NoteView::of);
    }

    @GET
    @Path("/{sessionId}/notes")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listNotes", summary = "The session's shared notes and your own private ones")
    public Uni<List<SessionViews.NoteView>> notes(@PathParam("sessionId") UUID sessionId) {
        return notes.of(sessionId).map(found -> found.stream().map(SessionViews.NoteView::of).toList());
    }

    @PUT
    @Path("/{sessionId}/notes/{noteId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeNote", summary = "Edit your own note")
    public Uni<SessionViews.NoteView> changeNote(@PathParam("sessionId") UUID sessionId, @PathParam("noteId") UUID noteId,
            @NotNull @Valid SessionViews.NoteInput in) {
        return notes.change(sessionId, noteId, in.text(), in.visibility()).map(SessionViews.NoteView::of);
    }

    @DELETE
    @Path("/{sessionId}/notes/{noteId}")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(204)
    @Operation(operationId = "removeNote", summary = "Delete your own note")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Void> removeNote(@PathParam("sessionId") UUID sessionId, @PathParam("noteId") UUID noteId) {
        return notes.remove(sessionId, noteId);
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
