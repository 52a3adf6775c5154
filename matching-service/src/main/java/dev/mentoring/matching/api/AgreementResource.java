package dev.mentoring.matching.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.Agreements;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/partnerships/{partnershipId}/agreement")
@Tag(name = "Agreements")
@RolesAllowed({ "mentee", "mentor" })
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private final Agreements agreements;

    AgreementResource(Agreements agreements) {
        this.agreements = agreements;
    }

    @GET
    @Operation(operationId = "getAgreement", summary = "The agreement: the latest draft (its ETag) and the version in force")
    @APIResponse(responseCode = "200", description = "The agreement", headers = @Header(name = HttpHeaders.ETAG,
            description = "The latest draft's version; an edit sends it back in If-Match", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AgreementViews.View.class)))
    public Uni<Response> get(@PathParam("partnershipId") UUID partnershipId) {
        return agreements.get(partnershipId).map(edited -> answer(edited, 200));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "editAgreement", summary = "Write a new draft of the agreement",
            description = "Needs If-Match with the ETag once an agreement exists (412 when stale, 428 when missing). "
                    + "Every goal must be SMART (422 names the missing element). The version in force stays until both sign the new one.")
    @APIResponse(responseCode = "200", description = "New draft", headers = @Header(name = HttpHeaders.ETAG,
            description = "The new draft's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AgreementViews.View.class)))
    @APIResponse(responseCode = "201", description = "The first draft: the agreement is created", headers = @Header(name = HttpHeaders.ETAG,
            description = "The first draft's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AgreementViews.View.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the latest draft: read it again, merge, retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match, and an agreement exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A goal is not SMART",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> edit(@PathParam("partnershipId") UUID partnershipId, @NotNull @Valid AgreementViews.Input input,
            @Parameter(description = "The ETag of the agreement as last read; needed once an agreement exists")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return agreements.edit(partnershipId, input.terms(), ifMatch).map(edited -> answer(edited, edited.created() ? 201 : 200));
    }

    @POST
    @Path("/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signAgreement", summary = "Sign a version (the latest); in force once both signed it")
    @APIResponse(responseCode = "200", description = "The agreement", headers = @Header(name = HttpHeaders.ETAG,
            description = "The latest draft's version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = AgreementViews.View.class)))
    public Uni<Response> sign(@PathParam("partnershipId") UUID partnershipId, @NotNull @Valid AgreementViews.Signature signature) {
        return agreements.sign(partnershipId, signature.version()).map(edited -> answer(edited, 200));
    }

    private static Response answer(Agreements.Edited edited, int status) {
        return Tagged.answer(status, AgreementViews.View.of(edited), edited.agreement().latestVersion);
    }
}
