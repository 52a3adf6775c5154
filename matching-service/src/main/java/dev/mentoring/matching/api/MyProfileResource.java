package dev.mentoring.matching.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

import dev.mentoring.matching.application.MyProfiles;
import dev.mentoring.matching.application.SavedProfile;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/participants")
@Tag(name = "Participants")
@Produces(MediaType.APPLICATION_JSON)
public class MyProfileResource {

    private final MyProfiles profiles;

    MyProfileResource(MyProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("/me")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "getMyProfile", summary = "The caller's own participant profile")
    @APIResponse(responseCode = "200", description = "The profile", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get() {
        return profiles.mine().map(participant -> Tagged.ok(ParticipantView.of(participant), participant.version));
    }

    @PUT
    @Path("/me")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyProfile", summary = "Create or change the caller's own profile",
            description = "Idempotent. If-Match is optional: when sent, it must be the profile's current ETag (412 otherwise), "
                    + "so that a change made meanwhile (by the person elsewhere, or by HR) is not overwritten unseen.")
    @APIResponse(responseCode = "200", description = "Changed (or unchanged)", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the profile's current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@NotNull @Valid MyProfileRequest profile,
            @Parameter(description = "The profile's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return profiles.putMine(profile.toProfile(), ifMatch).map(MyProfileResource::toResponse);
    }

    /** 201 with the profile when the write created the participant, 200 otherwise; its version as the ETag. */
    static Response toResponse(SavedProfile saved) {
        return Tagged.answer(saved.created() ? 201 : 200, ParticipantView.of(saved.participant()), saved.participant().version);
    }
}
