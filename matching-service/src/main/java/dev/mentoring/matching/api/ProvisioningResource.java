package dev.mentoring.matching.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import dev.mentoring.matching.application.ProvisionedParticipants;
import dev.mentoring.matching.domain.EmployeeId;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/** HR platforms (role integration) provision their tenant's people, keyed by their own employee id. */
@Path("/participants")
@Tag(name = "Provisioning")
@RolesAllowed("integration")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningResource {

    private final ProvisionedParticipants provisioning;
    private final Validator validator;

    ProvisioningResource(ProvisionedParticipants provisioning, Validator validator) {
        this.provisioning = provisioning;
        this.validator = validator;
    }

    @PUT
    @Path("/by-employee-id/{employeeId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "provisionParticipant", summary = "Create or replace one person's profile",
            description = "Idempotent. The whole profile: a missing mentor or mentee side removes that role. If-Match is "
                    + "optional (a sync may write blindly): when sent, it must be the profile's current ETag (412 otherwise).")
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the profile's current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@PathParam("employeeId") String employeeId, @NotNull @Valid ProfileRequest profile,
            @Parameter(description = "The profile's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return provisioning.put(employeeId, profile.toProfile(), ifMatch).map(MyProfileResource::toResponse);
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
        return provisioning.importAll(request.participants().stream().map(this::item).toList()).map(ImportResult::of);
    }

    @POST
    @Path("/by-employee-id/{employeeId}/deactivation")
    @Operation(operationId = "deactivateParticipant", summary = "Stop new matches for a person (publishes participant.deactivated)")
    @APIResponse(responseCode = "200", description = "Deactivated", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public Uni<Response> deactivate(@PathParam("employeeId") String employeeId) {
        return provisioning.setActive(employeeId, false).map(participant -> Tagged.ok(ParticipantView.of(participant), participant.version));
    }

    @DELETE
    @Path("/by-employee-id/{employeeId}/deactivation")
    @Operation(operationId = "reactivateParticipant", summary = "Let a deactivated person be matched again")
    @APIResponse(responseCode = "200", description = "Active again", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    public Uni<Response> reactivate(@PathParam("employeeId") String employeeId) {
        return provisioning.setActive(employeeId, true).map(participant -> Tagged.ok(ParticipantView.of(participant), participant.version));
    }

    @DELETE
    @Path("/by-employee-id/{employeeId}")
    @Operation(operationId = "eraseParticipant", summary = "Erase a person's personal data (right to be forgotten)",
            description = "Removes the personal data here and publishes participant.erased so that the other services do the same.")
    @APIResponse(responseCode = "204", description = "Erased")
    public Uni<Void> erase(@PathParam("employeeId") String employeeId) {
        return provisioning.erase(employeeId);
    }

    /** One item of an import as the use case takes it: its profile when valid, else what is wrong with it, by field. */
    private ProvisionedParticipants.ImportItem item(ImportRequest.Item item) {
        List<Problem.FieldError> errors = errors(item);
        String employeeId = item == null ? null : item.employeeId();
        return new ProvisionedParticipants.ImportItem(employeeId, errors.isEmpty() ? item.profile().toProfile() : null, errors);
    }

    private List<Problem.FieldError> errors(ImportRequest.Item item) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (item == null) {
            errors.add(new Problem.FieldError("item", "must not be null"));
            return errors;
        }
        if (!EmployeeId.isValid(item.employeeId())) {
            errors.add(new Problem.FieldError("employeeId", EmployeeId.RULE));
        }
        if (item.profile() == null) {
            errors.add(new Problem.FieldError("profile", "must not be null"));
            return errors;
        }
        for (ConstraintViolation<ProfileRequest> violation : validator.validate(item.profile())) {
            errors.add(new Problem.FieldError("profile." + violation.getPropertyPath(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }
}
