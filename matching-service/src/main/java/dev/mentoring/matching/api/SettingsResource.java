package dev.mentoring.matching.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MatchingSettings;
import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.MenteeLimits;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * The tenant's matching settings, one resource of two parts a program admin reads and changes each on its own: the
 * weights of the match score and the partnership limits. Each part answers with its ETag; an edit's If-Match is optional
 * (without it the last write wins) and a stale one is 412.
 */
@Path("/settings")
@Tag(name = "Matching settings")
@RolesAllowed("program-admin")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    /** The tenant's limits: open requests per mentee (default 3), running partnerships per mentee (default 2). */
    @Schema(name = "PartnershipLimits")
    public record Limits(
            @Schema(required = true, minimum = "1", maximum = "10") @NotNull @Min(MenteeLimits.LOWEST) @Max(MenteeLimits.HIGHEST) Integer maxOpenRequests,
            @Schema(required = true, minimum = "1", maximum = "10") @NotNull @Min(MenteeLimits.LOWEST) @Max(MenteeLimits.HIGHEST) Integer maxActiveMentors) {

        static Limits of(MenteeLimits limits) {
            return new Limits(limits.maxOpenRequests(), limits.maxActiveMentors());
        }

        MenteeLimits limits() {
            return new MenteeLimits(maxOpenRequests, maxActiveMentors);
        }
    }

    /** Both parts of the settings; each part's own path gives its ETag. */
    @Schema(name = "MatchingSettings")
    public record View(
            @Schema(required = true, implementation = WeightsShape.class) Map<Criterion, Integer> weights,
            @Schema(required = true) Limits partnershipLimits) {
    }

    private final MatchingSettings settings;

    SettingsResource(MatchingSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(operationId = "getMatchingSettings", summary = "The tenant's matching settings: the weights and the partnership limits",
            description = "Each part is also its own resource (settings/weights, settings/partnership-limits), which answers "
                    + "with the ETag an edit of it sends back.")
    @APIResponse(responseCode = "200", description = "Both parts as they are in force",
            content = @Content(schema = @Schema(implementation = View.class)))
    public Uni<View> get() {
        return settings.all().map(all -> new View(all.weights().value().byCriterion(), Limits.of(all.partnershipLimits().value())));
    }

    @GET
    @Path("/weights")
    @Operation(operationId = "getMatchingWeights", summary = "The tenant's weight of each match-score criterion (0-100)")
    @APIResponse(responseCode = "200", description = "The weights", headers = @Header(name = HttpHeaders.ETAG, description = Tagged.ETAG,
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = WeightsShape.class)))
    public Uni<Response> getWeights() {
        return settings.weights().map(weights -> Tagged.ok(weights.value().byCriterion(), weights.version()));
    }

    @PUT
    @Path("/weights")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMatchingWeights", summary = "Change the tenant's weights; the next recommendation uses them",
            description = "Criteria left out weigh 0; each 0-100; at least one above 0. If-Match is optional: when sent, it must "
                    + "be the weights' current ETag (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The weights in force", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WeightsShape.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the weights' current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A weight out of range, or all 0",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putWeights(
            @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WeightsShape.class))) @NotNull Map<Criterion, Integer> weights,
            @Parameter(description = "The weights' ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return settings.changeWeights(weights, ifMatch).map(changed -> Tagged.ok(changed.value().byCriterion(), changed.version()));
    }

    @GET
    @Path("/partnership-limits")
    @Operation(operationId = "getPartnershipLimits", summary = "The tenant's request and partnership limits")
    @APIResponse(responseCode = "200", description = "The limits", headers = @Header(name = HttpHeaders.ETAG, description = Tagged.ETAG,
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = Limits.class)))
    public Uni<Response> getLimits() {
        return settings.limits().map(limits -> Tagged.ok(Limits.of(limits.value()), limits.version()));
    }

    @PUT
    @Path("/partnership-limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putPartnershipLimits", summary = "Change the tenant's request and partnership limits",
            description = "Each 1-10. If-Match is optional: when sent, it must be the limits' current ETag (412 otherwise).")
    @APIResponse(responseCode = "200", description = "The limits in force", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Limits.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the limits' current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putLimits(@NotNull @Valid Limits change,
            @Parameter(description = "The limits' ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return settings.changeLimits(change.limits(), ifMatch).map(changed -> Tagged.ok(Limits.of(changed.value()), changed.version()));
    }

    /** The shape of the weights in the API document (the API reads and writes them as a map of criterion to weight). */
    @Schema(name = "MatchingWeights", description = "The weight (0-100) of each match-score criterion; criteria left out weigh 0, "
            + "at least one is above 0")
    record WeightsShape(
            @Schema(minimum = "0", maximum = "100", examples = "30") Integer SKILLS,
            @Schema(minimum = "0", maximum = "100", examples = "20") Integer GOALS_EXPERTISE,
            @Schema(minimum = "0", maximum = "100", examples = "10") Integer INDUSTRY,
            @Schema(minimum = "0", maximum = "100", examples = "10") Integer EXPERIENCE_GAP,
            @Schema(minimum = "0", maximum = "100", examples = "10") Integer STYLES,
            @Schema(minimum = "0", maximum = "100", examples = "10") Integer LANGUAGE,
            @Schema(minimum = "0", maximum = "100", examples = "10") Integer TIME_ZONE) {
    }
}
