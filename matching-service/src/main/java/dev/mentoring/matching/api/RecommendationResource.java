package dev.mentoring.matching.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MentorRecommendations;
import dev.mentoring.matching.config.MatchingConfig;
import dev.mentoring.plumbing.validation.QueryValues;
import io.smallrye.mutiny.Uni;

@Path("/participants")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final MentorRecommendations recommendations;
    private final MatchingConfig config;

    RecommendationResource(MentorRecommendations recommendations, MatchingConfig config) {
        this.recommendations = recommendations;
        this.config = config;
    }

    @GET
    @Path("/me/recommendations")
    @RolesAllowed("mentee")
    @Operation(operationId = "getMyRecommendations", summary = "The best mentors for the calling mentee, explained")
    @APIResponse(responseCode = "200", description = "Best first",
            content = @Content(schema = @Schema(implementation = RecommendationsView.class)))
    public Uni<RecommendationsView> mine(
            @Parameter(description = "1-50, default 10") @QueryParam("limit") Integer limit,
            @Parameter(description = "also list the excluded mentors and the rule that excluded each")
            @QueryParam("includeExcluded") @DefaultValue("false") boolean includeExcluded,
            @Parameter(description = PROGRAM, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("programId") String programId,
            @Parameter(description = PREVIOUS) @QueryParam("includePrevious") @DefaultValue("false") boolean includePrevious) {
        return recommendations.forMe(limit == null ? config.defaultRecommendations() : limit, includeExcluded, includePrevious,
                QueryValues.optionalUuid("programId", programId))
                .map(found -> RecommendationsView.of(found, includeExcluded));
    }

    @GET
    @Path("/{participantId}/recommendations")
    @RolesAllowed("program-admin")
    @Operation(operationId = "getRecommendationsForMentee", summary = "The best mentors for a mentee of the tenant, explained")
    @APIResponse(responseCode = "200", description = "Best first",
            content = @Content(schema = @Schema(implementation = RecommendationsView.class)))
    public Uni<RecommendationsView> forMentee(@PathParam("participantId") UUID participantId,
            @QueryParam("limit") Integer limit,
            @QueryParam("includeExcluded") @DefaultValue("false") boolean includeExcluded,
            @Parameter(description = PROGRAM, schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("programId") String programId,
            @Parameter(description = PREVIOUS) @QueryParam("includePrevious") @DefaultValue("false") boolean includePrevious) {
        return recommendations.forMentee(participantId, limit == null ? config.defaultRecommendations() : limit, includeExcluded, includePrevious,
                QueryValues.optionalUuid("programId", programId))
                .map(found -> RecommendationsView.of(found, includeExcluded));
    }

    private static final String PREVIOUS = "What next: also the mentors of the mentee's partnerships that are over (left out by "
            + "default, so that an ending leads to a new mentor; a mentee who wants to go on with one asks for them)";

    private static final String PROGRAM = "Only the mentors enrolled in this program, for a mentee enrolled in it; none: every "
            + "mentor of the tenant (its general program)";

}
