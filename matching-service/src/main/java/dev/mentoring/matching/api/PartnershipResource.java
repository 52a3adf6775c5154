package dev.mentoring.matching.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import dev.mentoring.matching.application.Partnerships;
import dev.mentoring.matching.domain.PartnershipState;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import io.smallrye.mutiny.Uni;

@Path("/partnerships")
@Tag(name = "Partnerships")
@Produces(MediaType.APPLICATION_JSON)
public class PartnershipResource {

    private final Partnerships partnerships;

    PartnershipResource(Partnerships partnerships) {
        this.partnerships = partnerships;
    }

    @GET
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "listPartnerships", summary = "Partnerships, by state, one page at a time",
            description = "A mentor or mentee gets the partnerships they are part of, with the private texts (end note, "
                    + "thank-you message); a program admin gets the tenant's, without them. Newest first (by start, then id); cursor pagination "
                    + "(docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = PartnershipPage.class)))
    public Uni<Page<RequestViews.PartnershipView>> list(
            @Parameter(description = "Only partnerships in this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "ACTIVE", "PAUSED", "COMPLETED", "ENDED_EARLY" })) @QueryParam("state") String state,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        return partnerships.list(state, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(RequestViews.PartnershipView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{partnershipId}")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "getPartnership", summary = "One partnership: for its two participants, or an admin (without private texts)")
    public Uni<RequestViews.PartnershipView> get(@PathParam("partnershipId") UUID partnershipId) {
        return partnerships.get(partnershipId).map(RequestViews.PartnershipView::of);
    }

    @POST
    @Path("/{partnershipId}/pause")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "pausePartnership", summary = "Pause an active partnership")
    public Uni<RequestViews.PartnershipView> pause(@PathParam("partnershipId") UUID partnershipId) {
        return partnerships.move(partnershipId, PartnershipState.Move.PAUSE, null).map(RequestViews.PartnershipView::forParticipant);
    }

    @POST
    @Path("/{partnershipId}/resume")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "resumePartnership", summary = "Resume a paused partnership")
    public Uni<RequestViews.PartnershipView> resume(@PathParam("partnershipId") UUID partnershipId) {
        return partnerships.move(partnershipId, PartnershipState.Move.RESUME, null).map(RequestViews.PartnershipView::forParticipant);
    }

    @POST
    @Path("/{partnershipId}/completion")
    @RolesAllowed({ "mentee", "mentor" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completePartnership", summary = "Complete it: the goals are reached or the program is over")
    public Uni<RequestViews.PartnershipView> complete(@PathParam("partnershipId") UUID partnershipId,
            @NotNull @Valid RequestViews.End end) {
        return partnerships.move(partnershipId, PartnershipState.Move.COMPLETE, end.ending())
                .map(RequestViews.PartnershipView::forParticipant);
    }

    @POST
    @Path("/{partnershipId}/ending")
    @RolesAllowed({ "mentee", "mentor" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "endPartnership", summary = "End it early, with a reason category, an optional note and thank-you")
    public Uni<RequestViews.PartnershipView> end(@PathParam("partnershipId") UUID partnershipId,
            @NotNull @Valid RequestViews.End end) {
        return partnerships.move(partnershipId, PartnershipState.Move.END, end.ending())
                .map(RequestViews.PartnershipView::forParticipant);
    }

    /** The shape of a page of partnerships, for the API document. */
    @Schema(name = "PartnershipPage")
    record PartnershipPage(List<RequestViews.PartnershipView> items, String nextCursor) {
    }
}
