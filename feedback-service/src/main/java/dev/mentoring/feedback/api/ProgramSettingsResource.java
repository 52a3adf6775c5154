package dev.mentoring.feedback.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.mentoring.feedback.application.ProgramSettings;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * A program's own evaluation interval and health thresholds, for its admins (the people assigned to run it, and the
 * program-admin role for every program); a program without its own runs by the tenant's ({@code /settings}).
 */
@Path("/programs/{programId}/settings")
@Tag(name = "Settings")
@RolesAllowed({ "program-admin", "mentee", "mentor" })
public class ProgramSettingsResource {

    private static final String ETAG = "The version of the program's own settings in quotes (0 while it has none): what If-Match may send";
    private static final String NOT_RUN = "No such program, or one the caller does not run";

    /** A program's settings in force: its own, or the tenant's. */
    @Schema(name = "ProgramSettings")
    public record ProgramSettingsView(UUID programId,
            @Schema(description = "true: the program's own; false: the tenant's, which it runs by until it has its own") boolean own,
            int evaluationIntervalMonths, HealthRules.Thresholds thresholds) {

        static ProgramSettingsView of(ProgramSettings.InForce in) {
            return new ProgramSettingsView(in.programId(), in.own(), in.settings().evaluationIntervalMonths(), in.settings().thresholds());
        }
    }

    private final ProgramSettings settings;

    ProgramSettingsResource(ProgramSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(operationId = "getProgramFeedbackSettings", summary = "The evaluation interval and health thresholds a program's partnerships run by")
    @APIResponse(responseCode = "200", description = "Its own, or the tenant's",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramSettingsView.class)))
    @APIResponse(responseCode = "404", description = NOT_RUN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProgramSettingsView>> read(@PathParam("programId") UUID programId) {
        return settings.read(programId).map(ProgramSettingsResource::answer);
    }

    @PUT
    @Operation(operationId = "putProgramFeedbackSettings", summary = "Give a program its own evaluation interval (6 or 12 months) and health thresholds",
            description = "They count from the next evaluation planned and the next health assessment of the program's partnerships. "
                    + "If-Match with the ETag is optional: one that is not the latest is 412.")
    @APIResponse(responseCode = "200", description = "The program's own settings as saved",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramSettingsView.class)))
    @APIResponse(responseCode = "404", description = NOT_RUN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value out of its range (each named in errors[].field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProgramSettingsView>> put(@PathParam("programId") UUID programId, @NotNull SettingsView in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag as read; optional") String ifMatch) {
        return settings.save(programId, in.settings(), ifMatch).map(ProgramSettingsResource::answer);
    }

    @DELETE
    @Operation(operationId = "deleteProgramFeedbackSettings", summary = "A program gives up its own settings and runs by the tenant's again")
    @APIResponse(responseCode = "200", description = "The tenant's settings, which the program runs by now",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramSettingsView.class)))
    @APIResponse(responseCode = "404", description = NOT_RUN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<ProgramSettingsView>> drop(@PathParam("programId") UUID programId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The ETag as read; optional") String ifMatch) {
        return settings.drop(programId, ifMatch).map(ProgramSettingsResource::answer);
    }

    private static RestResponse<ProgramSettingsView> answer(ProgramSettings.InForce in) {
        return RestResponse.ResponseBuilder.ok(ProgramSettingsView.of(in)).header(HttpHeaders.ETAG, EntityTags.of(in.version())).build();
    }
}
