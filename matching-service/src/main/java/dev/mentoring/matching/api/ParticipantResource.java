package dev.mentoring.matching.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.Participants;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import io.smallrye.mutiny.Uni;

@Path("/participants")
@Tag(name = "Participants")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    private final Participants directory;

    ParticipantResource(Participants directory) {
        this.directory = directory;
    }

    @GET
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "listParticipants", summary = "The tenant's participants, filtered, one page at a time",
            description = "Ordered by id; cursor pagination (docs/api-conventions.md). Summaries only: no personal fields.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ParticipantSummaryPage.class)))
    public Uni<Page<ParticipantSummary>> list(
            @Parameter(description = "mentor or mentee") @QueryParam("role") String role,
            @Parameter(description = "a skill name") @QueryParam("skill") String skill,
            @Parameter(description = "true: only mentors who accept mentees and have capacity") @QueryParam("available") Boolean available,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        if (role != null && !role.equals("mentor") && !role.equals("mentee")) {
            throw ProblemException.badRequest("role", "must be mentor or mentee");
        }
        if (skill != null && !skill.matches(ApiLimits.TERM)) {
            throw ProblemException.badRequest("skill", ApiLimits.TERM_MESSAGE);
        }
        return directory.list(role, skill, available, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(ParticipantSummary::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{participantId}")
    @RolesAllowed({ "mentee", "mentor", "program-admin", "integration" })
    @Operation(operationId = "getParticipant", summary = "One participant",
            description = "The whole profile (view PROFILE, with its ETag) for the person themselves and their HR platform; the "
                    + "directory card (view DIRECTORY_CARD, no personal fields) for program admins; 404 for anyone else.")
    @APIResponse(responseCode = "200", description = "The profile or the directory card, told apart by view",
            headers = @Header(name = HttpHeaders.ETAG, description = "With the whole profile: " + Tagged.ETAG,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProfileOrCard.class)))
    @APIResponse(responseCode = "404", description = "No such participant for this caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> get(@PathParam("participantId") UUID participantId) {
        return directory.byId(participantId).map(seen -> seen.wholeProfile()
                ? Tagged.ok(ParticipantView.of(seen.participant()), seen.participant().version)
                : Response.ok(ParticipantSummary.of(seen.participant()), Tagged.JSON).build());
    }

    /** The answer's two shapes, named so that generated clients get a named type rather than an anonymous one. */
    @Schema(name = "ParticipantProfileOrCard", description = "The whole profile (view PROFILE) or the directory card (view DIRECTORY_CARD)",
            oneOf = { ParticipantView.class, ParticipantSummary.class }, discriminatorProperty = "view",
            discriminatorMapping = { @DiscriminatorMapping(value = ParticipantView.VIEW, schema = ParticipantView.class),
                    @DiscriminatorMapping(value = ParticipantSummary.VIEW, schema = ParticipantSummary.class) })
    interface ProfileOrCard {
    }

    /** The shape of a page of summaries, for the API document. */
    @Schema(name = "ParticipantSummaryPage")
    record ParticipantSummaryPage(java.util.List<ParticipantSummary> items, String nextCursor) {
    }
}
