package dev.mentoring.matching.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MatchingSettings;
import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Weights;
import io.smallrye.mutiny.Uni;

@Path("/matching/weights")
@Tag(name = "Matching")
@RolesAllowed("program-admin")
@Produces(MediaType.APPLICATION_JSON)
public class MatchingSettingsResource {

    private final MatchingSettings settings;

    MatchingSettingsResource(MatchingSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(operationId = "getMatchingWeights", summary = "The tenant's weight of each match-score criterion (0-100)")
    public Uni<Map<Criterion, Integer>> get() {
        return settings.weights().map(Weights::byCriterion);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putMatchingWeights", summary = "Change the tenant's weights; the next recommendation uses them",
            description = "Criteria left out weigh 0; each 0-100; at least one above 0.")
    public Uni<Map<Criterion, Integer>> put(@NotNull Map<Criterion, Integer> weights) {
        return settings.change(weights).map(Weights::byCriterion);
    }
}
