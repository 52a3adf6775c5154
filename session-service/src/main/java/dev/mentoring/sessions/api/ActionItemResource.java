package dev.mentoring.sessions.api;

import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.PageRequest;
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
import org.jboss.resteasy.reactive.RestResponse;

import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.sessions.application.ActionItems;
import io.smallrye.mutiny.Uni;

/** Action items between sessions: what the mentor or the mentee agreed to do, by when. Each answers with its ETag. */
@Path("/partnerships/{partnershipId}/action-items")
@Tag(name = "Action items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionItemResource {

    private static final String ETAG = "The action item's version in quotes, e.g. \"2\": what If-Match sends to change it";

    private final ActionItems items;

    ActionItemResource(ActionItems items) {
        this.items = items;
    }

    @POST
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "createActionItem", summary = "Add an action item: title, assignee (MENTOR or MENTEE), due date")
    @APIResponse(responseCode = "201", description = "The action item",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.ActionItemView.class)))
    public Uni<RestResponse<SessionViews.ActionItemView>> create(@PathParam("partnershipId") UUID partnershipId,
            @NotNull @Valid SessionViews.ActionItemInput in) {
        return items.create(partnershipId, in.change())
                .map(created -> SessionViews.tagged(201, SessionViews.ActionItemView.of(created), created.item().version));
    }

    @GET
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listActionItems", summary = "The partnership's action items, by due date",
            description = "Paged (limit, cursor). Each item carries its version, what If-Match sends to change it.")
    public Uni<Page<SessionViews.ActionItemView>> list(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return items.of(partnershipId, PageRequest.of(cursor, limit)).map(page -> SessionViews.page(page, SessionViews.ActionItemView::of));
    }

    @PUT
    @Path("/{actionItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeActionItem", summary = "Edit an action item, or mark it DONE",
            description = "Needs If-Match with the item's ETag: 412 when it is not the latest, 428 when missing.")
    @APIResponse(responseCode = "200", description = "The action item",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionViews.ActionItemView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = SessionResource.MISSING,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionViews.ActionItemView>> change(@PathParam("partnershipId") UUID partnershipId,
            @PathParam("actionItemId") UUID actionItemId, @NotNull @Valid SessionViews.ActionItemInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = SessionResource.REQUIRED_IF_MATCH, required = true) String ifMatch) {
        return items.change(partnershipId, actionItemId, in.change(), ifMatch)
                .map(changed -> SessionViews.tagged(200, SessionViews.ActionItemView.of(changed), changed.item().version));
    }
}
