package dev.mentoring.matching.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MentorApplications;
import dev.mentoring.matching.domain.MentorApplicationRules;
import dev.mentoring.matching.persistence.MentorApplication;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * What next for a mentee: becoming a mentor. They apply, or a tenant-wide admin invites them; the second yes makes them
 * one (participant.updated, mentor: true).
 */
@Path("/participants")
@Tag(name = "Participants")
public class MentorApplicationResource {

    /** What a person offers when applying. */
    @Schema(name = "MentorApplicationInput")
    public record Input(
            @Schema(description = "Mentees they would take at once (1-10); none: the default, 2") @Min(1) @Max(10) Integer capacity,
            @Schema(description = "Areas they would mentor in (at most 20)") @Size(max = 20) List<@NotBlank @Size(max = 100) String> wouldMentorIn) {
    }

    /** An application or invitation as shown. */
    @Schema(name = "MentorApplication")
    public record View(UUID id, UUID participantId, MentorApplicationRules.State state, Integer capacity, List<String> wouldMentorIn,
            OffsetDateTime createdAt, OffsetDateTime decidedAt) {

        static View of(MentorApplication a) {
            return new View(a.id, a.participantId, a.state, a.capacity, List.of(a.wouldMentorIn), a.createdAt, a.decidedAt);
        }
    }

    static final String STATES = "APPLIED: the person asked, waiting for an admin; INVITED: an admin asked, waiting for the "
            + "person; ACCEPTED: both said yes, the person is a mentor; DECLINED: an admin declined the application; WITHDRAWN: the "
            + "person withdrew or turned the invitation down";

    private final MentorApplications applications;

    MentorApplicationResource(MentorApplications applications) {
        this.applications = applications;
    }

    @POST
    @Path("/me/mentor-application")
    @RolesAllowed("mentee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyToMentor", summary = "Apply to become a mentor (or accept an invitation to)",
            description = "Asks for a partnership completed as a mentee or five years of experience (409 otherwise), unless a "
                    + "tenant-wide admin invited the caller: then this accepts the invitation and the caller is a mentor at once. "
                    + STATES)
    @APIResponse(responseCode = "200", description = "The application (APPLIED), or the invitation accepted (ACCEPTED)",
            content = @Content(schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "409", description = "Not yet experienced enough, applied already, or a mentor already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<View> apply(@NotNull @Valid Input in) {
        return applications.apply(new MentorApplications.Offer(in.capacity(), in.wouldMentorIn())).map(View::of);
    }

    @GET
    @Path("/me/mentor-applications")
    @RolesAllowed("mentee")
    @Operation(operationId = "listMyMentorApplications", summary = "The caller's applications and invitations to mentor, newest first",
            description = "The open one, if any, first. Paged (limit, cursor). " + STATES)
    public Uni<Page<View>> mine(
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200")) String limit) {
        return applications.mine(PageRequest.of(cursor, limit)).map(page -> page.map(View::of));
    }

    @DELETE
    @Path("/me/mentor-application")
    @RolesAllowed("mentee")
    @Operation(operationId = "withdrawMentorApplication", summary = "Withdraw the open application, or turn the invitation down",
            description = "404 when none is open.")
    public Uni<View> withdraw() {
        return applications.withdraw().map(View::of);
    }

    @POST
    @Path("/{participantId}/mentor-invitation")
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "inviteToMentor", summary = "Invite a mentee to become a mentor (tenant-wide admins, the HR platform)",
            description = "If they applied already, this accepts their application and they are a mentor at once; inviting again "
                    + "changes nothing. 404 for someone not of the tenant (or not active), 409 for a mentor.")
    @APIResponse(responseCode = "200", description = "The invitation (INVITED), or the application accepted (ACCEPTED)",
            content = @Content(schema = @Schema(implementation = View.class)))
    public Uni<View> invite(@PathParam("participantId") UUID participantId) {
        return applications.invite(participantId).map(View::of);
    }
}
