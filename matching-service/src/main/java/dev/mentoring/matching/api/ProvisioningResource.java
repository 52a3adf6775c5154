package dev.mentoring.matching.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.Provisioning;
import dev.mentoring.plumbing.idempotency.IdempotentAnswer;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/** HR platforms (role integration) provision their tenant's people, keyed by their own employee id. */
@Path("/participants")
@Tag(name = "Provisioning")
@RolesAllowed("integration")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningResource {

    private final Provisioning provisioning;

    ProvisioningResource(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    @PUT
    @Path("/by-employee-id/{employeeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "provisionParticipant", summary = "Create or replace one person's profile",
            description = "Idempotent. The whole profile: a missing mentor or mentee side removes that role.")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("employeeId") String employeeId, @NotNull @Valid ProfileRequest profile,
            @HeaderParam(IdempotentAnswer.KEY_HEADER) String idempotencyKey) {
        return provisioning.put(employeeId, profile, idempotencyKey).map(MyProfileResource::toResponse);
    }

    @POST
    @Path("/imports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importParticipants", summary = "Provision up to 1,000 people at once",
            description = "Each item is validated on its own and reported created, updated, unchanged or rejected with the reason; "
                    + "a rejected item changes nothing. More than 1,000 items are refused whole (413).")
    @APIResponse(responseCode = "200", description = "A result per item",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "413", description = "More than 1,000 items",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportResult> importAll(@NotNull @Valid ImportRequest request) {
        return provisioning.importAll(request);
    }

    @POST
    @Path("/by-employee-id/{employeeId}/deactivation")
    @Operation(operationId = "deactivateParticipant", summary = "Stop new matches for a person (publishes participant.deactivated)")
    @APIResponse(responseCode = "200", description = "Deactivated",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public Uni<ParticipantView> deactivate(@PathParam("employeeId") String employeeId) {
        return provisioning.setActive(employeeId, false);
    }

    @DELETE
    @Path("/by-employee-id/{employeeId}/deactivation")
    @Operation(operationId = "reactivateParticipant", summary = "Let a deactivated person be matched again")
    @APIResponse(responseCode = "200", description = "Active again",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public Uni<ParticipantView> reactivate(@PathParam("employeeId") String employeeId) {
        return provisioning.setActive(employeeId, true);
    }

    @DELETE
    @Path("/by-employee-id/{employeeId}")
    @Operation(operationId = "eraseParticipant", summary = "Erase a person's personal data (right to be forgotten)",
            description = "Removes the personal data here and publishes participant.erased so that the other services do the same.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Uni<Void> erase(@PathParam("employeeId") String employeeId) {
        return provisioning.erase(employeeId);
    }
}
