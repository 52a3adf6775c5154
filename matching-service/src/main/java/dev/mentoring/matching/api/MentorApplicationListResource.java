package dev.mentoring.matching.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.api.MentorApplicationResource.View;
import dev.mentoring.matching.application.MentorApplications;
import dev.mentoring.matching.domain.MentorApplicationRules;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.validation.QueryValues;
import io.smallrye.mutiny.Uni;

/** The tenant's applications and invitations to mentor, for tenant-wide admins and the HR platform. */
@Path("/mentor-applications")
@Tag(name = "Participants")
@RolesAllowed({ "program-admin", "integration" })
public class MentorApplicationListResource {

    private static final String STATES = MentorApplicationResource.STATES;

    private final MentorApplications applications;

    MentorApplicationListResource(MentorApplications applications) {
        this.applications = applications;
    }

    @GET
        @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "listMentorApplications", summary = "The tenant's applications and invitations to mentor, by id",
            description = "Optionally in one state; paged (limit, cursor).")
    public Uni<Page<View>> list(
            @QueryParam("state") @Parameter(description = STATES, schema = @Schema(implementation = MentorApplicationRules.State.class))
            String state,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "200")) String limit) {
        return applications.list(QueryValues.optionalEnum(MentorApplicationRules.State.class, "state", state), PageRequest.of(cursor, limit))
                .map(page -> page.map(View::of));
    }

    @POST
    @Path("/{applicationId}/decline")
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "declineMentorApplication", summary = "Decline an application to mentor (409 unless it is waiting)")
    public Uni<View> decline(@PathParam("applicationId") UUID applicationId) {
        return applications.decline(applicationId).map(View::of);
    }
}
