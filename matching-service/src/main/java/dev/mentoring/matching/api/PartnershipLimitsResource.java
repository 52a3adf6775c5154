package dev.mentoring.matching.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.PartnershipLimits;
import dev.mentoring.matching.domain.MenteeLimits;
import io.smallrye.mutiny.Uni;

@Path("/matching/partnership-limits")
@Tag(name = "Partnerships")
@RolesAllowed("program-admin")
@Produces(MediaType.APPLICATION_JSON)
public class PartnershipLimitsResource {

    /** The tenant's limits: open requests per mentee (default 3), running partnerships per mentee (default 2). */
    @Schema(name = "PartnershipLimits")
    public record Limits(@NotNull @Min(MenteeLimits.LOWEST) @Max(MenteeLimits.HIGHEST) Integer maxOpenRequests,
            @NotNull @Min(MenteeLimits.LOWEST) @Max(MenteeLimits.HIGHEST) Integer maxActiveMentors) {

        static Limits of(MenteeLimits limits) {
            return new Limits(limits.maxOpenRequests(), limits.maxActiveMentors());
        }

        MenteeLimits limits() {
            return new MenteeLimits(maxOpenRequests, maxActiveMentors);
        }
    }

    private final PartnershipLimits limits;

    PartnershipLimitsResource(PartnershipLimits limits) {
        this.limits = limits;
    }

    @GET
    @Operation(operationId = "getPartnershipLimits", summary = "The tenant's request and partnership limits")
    public Uni<Limits> get() {
        return limits.get().map(Limits::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putPartnershipLimits", summary = "Change the tenant's request and partnership limits")
    public Uni<Limits> put(@NotNull @Valid Limits change) {
        return limits.change(change.limits()).map(Limits::of);
    }
}
