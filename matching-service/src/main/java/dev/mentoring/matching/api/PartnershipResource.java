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
    @Path("/mine")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listMyPartnerships", summary = "The caller's partnerships, newest first")
    public Uni<List<RequestViews.PartnershipView>> mine() {
        return partnerships.mine().map(list -> list.stream().map(RequestViews.PartnershipView::forParticipant).toList());
    }

    @GET
    @RolesAllowed("program-admin")
    @Operation(operationId = "listPartnerships", summary = "The tenant's partnerships, by state, one page at a time",
            description = "Without the private texts (end note, thank-you message).")
    public Uni<Page<RequestViews.PartnershipView>> list(@QueryParam("state") String state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return partnerships.ofTenant(state, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(RequestViews.PartnershipView::forAdmin).toList(), page.nextCursor()));
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
}
