package dev.mentoring.sessions.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mentoring.sessions.application.CalendarFeeds;
import io.smallrye.mutiny.Uni;

/** The caller's sessions as an iCalendar feed, with a token or through a secret URL. */
@Path("/")
@Tag(name = "Calendar")
public class CalendarResource {

    static final String CALENDAR = "text/calendar";

    private final CalendarFeeds feeds;

    CalendarResource(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/calendar")
    @Produces(CALENDAR)
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "getMyCalendar", summary = "Your upcoming sessions as iCalendar (RFC 5545)")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Uni<String> mine() {
        return feeds.mine();
    }

    @POST
    @Path("/calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "renewCalendarFeed", summary = "Make (or renew) your secret calendar feed URL",
            description = "For calendar apps that cannot send a token. The URL is shown once; renewing makes the old one stop working.")
    public Uni<SessionViews.FeedUrl> renew() {
        return feeds.renew().map(SessionViews.FeedUrl::new);
    }

    @DELETE
    @Path("/calendar-feed")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(204)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke your secret calendar feed URL")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Void> revoke() {
        return feeds.revoke();
    }

    @GET
    @Path("/calendar-feeds/{secret}")
    @Produces(CALENDAR)
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getCalendarFeed", summary = "A secret calendar feed (no token: the URL is the secret)",
            description = "For calendar apps that cannot send a token. The person makes the URL with POST /calendar-feed, "
                    + "renews it the same way and revokes it with DELETE; an unknown or revoked secret is 404.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Uni<String> bySecret(@PathParam("secret") String secret) {
        return feeds.bySecret(secret);
    }
}
