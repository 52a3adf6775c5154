package dev.mentoring.feedback.api;

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
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mentoring.feedback.application.Concerns;
import dev.mentoring.feedback.domain.ConcernRules;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.validation.QueryValues;
import io.smallrye.mutiny.Uni;

/**
 * Concerns: either person of a partnership raises one with the program admins, privately; the admins read and close them.
 * The other person of the pair never sees a concern; a partnership or a concern of another tenant, or one the caller is
 * not one of the two of, is answered 404 as if it did not exist.
 */
@Path("/")
@Tag(name = "Concerns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConcernResource {

    private static final String NOT_FOUND = "No such partnership for this caller (another person's is answered as if it did not exist)";

    private final Concerns concerns;

    ConcernResource(Concerns concerns) {
        this.concerns = concerns;
    }

    @POST
    @Path("/partnerships/{partnershipId}/concerns")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "raiseConcern", summary = "Tell the program admins privately that something is wrong in the partnership",
            description = "A category (personality clash, breach of confidentiality, lack of commitment, other) and an optional text that "
                    + "only the program admins read. The other person is never told; concern.raised carries no text. One open concern per "
                    + "category (409). Allowed in a running, paused or ended partnership. An open personality clash or breach of "
                    + "confidentiality is a health pitfall the program admins see.")
    @APIResponse(responseCode = "201", description = "The concern", content = @Content(schema = @Schema(implementation = ConcernViews.ConcernView.class)))
    @APIResponse(responseCode = "409", description = "You raised an open concern of this category about this partnership already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConcernViews.ConcernView> raise(@PathParam("partnershipId") UUID partnershipId, @NotNull @Valid ConcernViews.ConcernInput in) {
        return concerns.raise(partnershipId, in.category(), in.text()).map(ConcernViews.ConcernView::of);
    }

    @GET
    @Path("/partnerships/{partnershipId}/concerns")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listMyConcerns", summary = "The concerns you raised about the partnership, with their outcome",
            description = "Only your own: the other person's are never shown. Newest first; paged (limit, cursor).")
    public Uni<Page<ConcernViews.ConcernView>> mine(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return concerns.mine(partnershipId, PageRequest.of(cursor, limit)).map(page -> page.map(ConcernViews.ConcernView::of));
    }

    @GET
    @Path("/concerns")
    @RolesAllowed({ "program-admin", "mentee", "mentor" })
    @Operation(operationId = "listConcerns", summary = "The concerns of the programs the caller runs, with their texts",
            description = "The tenant's for the program-admin role; for a person assigned to run programs (matching-service's "
                    + "PUT /programs/{id}/admins/{employeeId}) those about partnerships of their programs; 403 for anyone running none. "
                    + "Never those about the caller's own partnerships. Newest first; optionally only OPEN or CLOSED ones, of one "
                    + "category, about one partnership; paged (limit, cursor).")
    public Uni<Page<ConcernViews.ConcernView>> list(
            @QueryParam("state") @Parameter(description = "OPEN or CLOSED; any when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN", "CLOSED" })) String state,
            @QueryParam("category") @Parameter(description = "One category; any when absent",
                    schema = @Schema(implementation = ConcernRules.ConcernCategory.class)) String category,
            @QueryParam("partnershipId") @Parameter(description = "One partnership's; any when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String partnershipId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        Concerns.Filter filter = new Concerns.Filter(category(category), closed(state), QueryValues.optionalUuid("partnershipId", partnershipId));
        return concerns.list(filter, PageRequest.of(cursor, limit)).map(page -> page.map(ConcernViews.ConcernView::of));
    }

    @GET
    @Path("/concerns/{concernId}")
    @RolesAllowed({ "program-admin", "mentee", "mentor" })
    @Operation(operationId = "getConcern", summary = "One concern of a program the caller runs, with its text",
            description = "404 for a concern outside the caller's programs or about their own partnership; 403 for anyone running no program.")
    public Uni<ConcernViews.ConcernView> one(@PathParam("concernId") UUID concernId) {
        return concerns.one(concernId).map(ConcernViews.ConcernView::of);
    }

    @POST
    @Path("/concerns/{concernId}/closure")
    @RolesAllowed({ "program-admin", "mentee", "mentor" })
    @Operation(operationId = "closeConcern", summary = "Close an open concern with an outcome: talked to both, partnership ended, rematched",
            description = "concern.closed tells the person who raised it (in their inbox) how it was closed; never the text. Once (409).")
    @APIResponse(responseCode = "200", description = "The concern, closed", content = @Content(schema = @Schema(implementation = ConcernViews.ConcernView.class)))
    @APIResponse(responseCode = "409", description = "The concern is closed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ConcernViews.ConcernView> close(@PathParam("concernId") UUID concernId, @NotNull @Valid ConcernViews.ConcernClosure in) {
        return concerns.close(concernId, in.outcome()).map(ConcernViews.ConcernView::of);
    }

    private static Boolean closed(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "OPEN" -> false;
            case "CLOSED" -> true;
            default -> throw ProblemException.badRequest("state", "must be OPEN, CLOSED or absent");
        };
    }

    private static ConcernRules.ConcernCategory category(String category) {
        if (category == null) {
            return null;
        }
        try {
            return ConcernRules.ConcernCategory.valueOf(category);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("category", "must be PERSONALITY_CLASH, BREACH_OF_CONFIDENTIALITY, LACK_OF_COMMITMENT, OTHER or absent");
        }
    }

}
