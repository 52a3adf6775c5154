package dev.mentoring.notification.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.notification.application.Inboxes;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The caller's inbox: notifications built from the platform's events, newest first; the unread count; marking read; the
 * live stream (Server-Sent Events, resumable with Last-Event-ID); and preferences (language, muted types). Each person
 * sees only their own: another person's notification is 404, as one that does not exist.
 */
@Path("/")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final Inboxes inboxes;
    private final ObjectMapper mapper;

    NotificationResource(Inboxes inboxes, ObjectMapper mapper) {
        this.inboxes = inboxes;
        this.mapper = mapper;
    }

    /** An event's data: the view as one line of JSON (written here, so that the event carries no content-type field). */
    private String json(Object view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }

    @GET
    @Path("/inbox")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "listNotifications", summary = "Your notifications, newest first",
            description = "Paged (limit, cursor); unread=true lists only the unread ones.")
    public Uni<Page<NotificationViews.NotificationView>> list(
            @QueryParam("unread") @Parameter(description = "true: only unread notifications", schema = @Schema(type = SchemaType.BOOLEAN)) String unread,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        boolean unreadOnly = flag("unread", unread);
        return inboxes.list(PageRequest.of(cursor, limit), unreadOnly)
                .map(page -> new Page<>(page.items().stream().map(NotificationViews.NotificationView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/inbox/unread-count")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "countUnreadNotifications", summary = "How many of your notifications are unread",
            description = "For a badge; the live stream tells when to ask again.")
    public Uni<NotificationViews.UnreadCountView> unreadCount() {
        return inboxes.unreadCount().map(NotificationViews.UnreadCountView::new);
    }

    @GET
    @Path("/inbox/{notificationId}")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "getNotification", summary = "One of your notifications",
            description = "Another person's notification is 404, as one that does not exist.")
    public Uni<NotificationViews.NotificationView> one(@PathParam("notificationId") UUID notificationId) {
        return inboxes.one(notificationId).map(NotificationViews.NotificationView::of);
    }

    @POST
    @Path("/inbox/{notificationId}/read")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "markNotificationRead", summary = "Mark one of your notifications read",
            description = "Marking it again changes nothing (it keeps the first time). Another person's notification is 404.")
    public Uni<NotificationViews.NotificationView> markRead(@PathParam("notificationId") UUID notificationId) {
        return inboxes.markRead(notificationId).map(NotificationViews.NotificationView::of);
    }

    @POST
    @Path("/inbox/read-all")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark your unread notifications read",
            description = "All of them, or those up to a position (the newest you showed), so one that came meanwhile stays unread.")
    public Uni<NotificationViews.MarkedReadView> markAllRead(
            @QueryParam("upTo") @Parameter(description = "The position of the newest notification to mark", schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) String upTo) {
        Long until = position("upTo", upTo, "must be a notification's position (0 or more)");
        return inboxes.markAllRead(until).map(NotificationViews.MarkedReadView::new);
    }

    @GET
    @Path("/inbox/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "streamNotifications", summary = "Your new notifications as they come (Server-Sent Events)",
            description = "Each event's data is a Notification (JSON), its id the notification's position. Without Last-Event-ID the "
                    + "stream starts with what comes from now on; with it, with everything after that position, so a reconnect "
                    + "misses nothing. The stream's first line is the comment `:following` (everything committed from then on comes); a "
                    + "comment line keeps a quiet stream open.")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = NotificationViews.NotificationView.class)))
    @FollowsInbox
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @Context ContainerRequestContext request,
            @HeaderParam("Last-Event-ID") @Parameter(description = "The id of the last event received, to resume after it") String lastEventId) {
        Long after = position("Last-Event-ID", lastEventId, "must be the id of an event of this stream");
        // the first line, a comment, tells that the stream is following: everything committed from then on comes
        // the caller was looked up before (CallerLookup): a refusal is a plain problem answer, not a broken stream
        Inboxes.Me me = (Inboxes.Me) request.getProperty(CallerLookup.ME);
        return inboxes.follow(me, after).onItem().transformToMulti(stream -> Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("following").build()),
                stream.map(item -> item.map(n -> sse.newEventBuilder().id(String.valueOf(n.row().position()))
                        .data(json(NotificationViews.NotificationView.of(n))).build())
                        .orElseGet(() -> sse.newEventBuilder().comment("keep-alive").build()))));
    }

    @GET
    @Path("/preferences")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "getNotificationPreferences", summary = "Your inbox preferences and their ETag",
            description = "The language of the texts and the notification types you muted.")
    public Uni<RestResponse<NotificationViews.PreferencesView>> preferences() {
        return inboxes.preferences().map(p -> tagged(NotificationViews.PreferencesView.of(p), p.version()));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "setNotificationPreferences", summary = "Set your inbox preferences",
            description = "If-Match with the preferences' ETag is optional: one that is not their latest is 412; without one the last save wins.")
    @APIResponse(responseCode = "200", description = "The preferences as saved, with their new ETag",
            content = @Content(schema = @Schema(implementation = NotificationViews.PreferencesView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<NotificationViews.PreferencesView>> setPreferences(@NotNull @Valid NotificationViews.PreferencesInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The preferences' ETag as read; optional") String ifMatch) {
        return inboxes.setPreferences(in.language(), in.muted(), ifMatch).map(p -> tagged(NotificationViews.PreferencesView.of(p), p.version()));
    }

    private static <T> RestResponse<T> tagged(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    /** A notification's position as a parameter names it: null when absent, else a whole number of 0 or more (400 naming it). */
    private static Long position(String name, String value, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest(name, message);
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }
}
