package dev.mentoring.matching.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No profile yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipantView> get() {
        return profiles.mine().map(ParticipantView::of);
    }

    @PUT
    @Path("/me")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMyProfile", summary = "Create or change the caller's own profile",
            description = "Idempotent; an Idempotency-Key makes a retry return the first answer.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> put(@NotNull @Valid MyProfileRequest profile) {
        return profiles.putMine(profile.toProfile()).map(MyProfileResource::toResponse);
    }

    /** 201 with the profile when the write created the participant, 200 otherwise. */
    static Response toResponse(SavedProfile saved) {
        return Response.status(saved.created() ? 201 : 200).entity(ParticipantView.of(saved.participant())).build();
    }
}
