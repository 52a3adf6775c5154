package dev.mentoring.sessions.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mentoring.sessions.application.ActionItems;
import io.smallrye.mutiny.Uni;

/** Action items between sessions: what the mentor or the mentee agreed to do, by when. */
@Path("/partnerships/{partnershipId}/action-items")
@Tag(name = "Action items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActionItemResource {

    private final ActionItems items;

    ActionItemResource(ActionItems items) {
        this.items = items;
    }

    @POST
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "createActionItem", summary = "Add an action item: title, assignee (MENTOR or MENTEE), due date")
    @APIResponse(responseCode = "201", description = "The action item",
            content = @Content(schema = @Schema(implementation = SessionViews.ActionItemView.class)))
    public Uni<SessionViews.ActionItemView> create(@PathParam("partnershipId") UUID partnershipId,
            @NotNull @Valid SessionViews.ActionItemInput in) {
        return items.create(partnershipId, in.change()).map(SessionViews.ActionItemView::of);
    }

    @GET
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listActionItems", summary = "The partnership's action items, by due date")
    public Uni<List<SessionViews.ActionItemView>> list(@PathParam("partnershipId") UUID partnershipId) {
        return items.of(partnershipId).map(found -> found.stream().map(SessionViews.ActionItemView::of).toList());
    }

    @PUT
    @Path("/{actionItemId}")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "changeActionItem", summary = "Edit an action item, or mark it DONE")
    public Uni<SessionViews.ActionItemView> change(@PathParam("partnershipId") UUID partnershipId,
            @PathParam("actionItemId") UUID actionItemId, @NotNull @Valid SessionViews.ActionItemInput in) {
        return items.change(partnershipId, actionItemId, in.change()).map(SessionViews.ActionItemView::of);
    }
}
