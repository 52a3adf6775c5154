package dev.mentoring.matching.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MyProfiles;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/participants")
@Tag(name = "Participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    private final MyProfiles profiles;

    ParticipantResource(MyProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    @Path("/{participantId}")
    @RolesAllowed({ "mentee", "mentor", "program-admin", "integration" })
    @Operation(operationId = "getParticipant", summary = "One participant's profile",
            description = "For the person themselves, their tenant's program admins and HR platform; 404 for anyone else.")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = ParticipantView.class)))
    @APIResponse(responseCode = "404", description = "No such participant for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ParticipantView> get(@PathParam("participantId") UUID participantId) {
        return profiles.byId(participantId);
    }
}
