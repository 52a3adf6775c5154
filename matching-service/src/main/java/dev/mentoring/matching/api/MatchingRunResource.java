package dev.mentoring.matching.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.CohortRuns;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/matching-runs")
@Tag(name = "Matching")
@RolesAllowed("program-admin")
@Produces(MediaType.APPLICATION_JSON)
public class MatchingRunResource {

    private final CohortRuns runs;

    MatchingRunResource(CohortRuns runs) {
        this.runs = runs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runMatching", summary = "Match the tenant's cohort (opted-in mentees without an open request)",
            description = "A dry run (default) stores and returns the proposal with its figures; dryRun=false also commits it.")
    @APIResponse(responseCode = "201", description = "The proposal",
            content = @Content(schema = @Schema(implementation = MatchingRunView.class)))
    public Uni<Response> run(@NotNull @Valid MatchingRunRequest request) {
        return runs.run(request.matcherObjective(), request.minimumScore(), request.commit(), request.programId()).map(MatchingRunView::of)
                .map(view -> Response.status(201).entity(view).header("Location", "/matching-runs/" + view.id()).build());
    }

    @GET
    @Path("/{runId}")
    @Operation(operationId = "getMatchingRun", summary = "A run with its proposal and figures")
    @APIResponse(responseCode = "200", description = "The run",
            content = @Content(schema = @Schema(implementation = MatchingRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run in this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MatchingRunView> get(@PathParam("runId") UUID runId) {
        return runs.get(runId).map(MatchingRunView::of);
    }

    @POST
    @Path("/{runId}/commit")
    @Operation(operationId = "commitMatchingRun", summary = "Turn the proposal into mentorship requests",
            description = "Publishes mentorship.requested per pair and matching-run.completed. A pair whose mentee got another "
                    + "request, or whose mentor has no place left since the proposal, is left out. 409 when already committed.")
    @APIResponse(responseCode = "200", description = "Committed",
            content = @Content(schema = @Schema(implementation = MatchingRunView.class)))
    @APIResponse(responseCode = "409", description = "Already committed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<MatchingRunView> commit(@PathParam("runId") UUID runId) {
        return runs.commit(runId).map(MatchingRunView::of);
    }
}
