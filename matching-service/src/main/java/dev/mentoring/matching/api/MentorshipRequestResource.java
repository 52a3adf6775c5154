package dev.mentoring.matching.api;

import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.MentorshipRequests;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

@Path("/mentorship-requests")
@Tag(name = "Mentorship requests")
@RolesAllowed({ "mentee", "mentor" })
@Produces(MediaType.APPLICATION_JSON)
public class MentorshipRequestResource {

    private final MentorshipRequests requests;

    MentorshipRequestResource(MentorshipRequests requests) {
        this.requests = requests;
    }

    @POST
    @RolesAllowed("mentee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestMentorship", summary = "Ask a mentor", description = "At most 3 open requests "
            + "(tenant setting); not twice to the same mentor; an Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Asked",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The request's path", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = RequestViews.Request.class)))
    @APIResponse(responseCode = "409", description = "Too many open requests, asked already, or the mentor takes nobody",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ask(@NotNull @Valid RequestViews.Create create) {
        return requests.ask(create.ask()).map(request -> Response.status(201).entity(RequestViews.Request.withMessages(request))
                .header(HttpHeaders.LOCATION, "/mentorship-requests/" + request.id).build());
    }

    @GET
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "listMentorshipRequests", summary = "Mentorship requests, by state, one page at a time",
            description = "A mentee or mentor gets the requests they sent or received, with the messages; a program admin gets "
                    + "the tenant's, without them. Newest first (by when asked, then id); cursor pagination (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = RequestPage.class)))
    public Uni<Page<RequestViews.Request>> list(
            @Parameter(description = "Only requests in this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "OPEN", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED" })) @QueryParam("state") String state,
            @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @QueryParam("limit") String limit) {
        return requests.list(state, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(RequestViews.Request::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/{requestId}")
    @Operation(operationId = "getMentorshipRequest", summary = "One request of the caller's (404 for anyone else's)")
    public Uni<RequestViews.Request> get(@PathParam("requestId") UUID requestId) {
        return requests.get(requestId).map(RequestViews.Request::withMessages);
    }

    @POST
    @Path("/{requestId}/acceptance")
    @RolesAllowed("mentor")
    @Operation(operationId = "acceptMentorshipRequest", summary = "The mentor accepts: the partnership starts",
            description = "Never beyond the mentor's capacity: concurrent accepts for the last place leave exactly one winner; the others get 409.")
    @APIResponse(responseCode = "200", description = "The partnership (its id is the request's)",
            content = @Content(schema = @Schema(implementation = RequestViews.PartnershipView.class)))
    @APIResponse(responseCode = "409", description = "Not open any more, or no place left",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RequestViews.PartnershipView> accept(@PathParam("requestId") UUID requestId) {
        return requests.accept(requestId).map(RequestViews.PartnershipView::forParticipant);
    }

    @POST
    @Path("/{requestId}/decline")
    @RolesAllowed("mentor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "declineMentorshipRequest", summary = "The mentor declines, with a reason category and an optional message")
    public Uni<RequestViews.Request> decline(@PathParam("requestId") UUID requestId,
            @NotNull @Valid RequestViews.Decline decline) {
        return requests.decline(requestId, decline.reasonCategory(), decline.message()).map(RequestViews.Request::withMessages);
    }

    @POST
    @Path("/{requestId}/withdrawal")
    @RolesAllowed("mentee")
    @Operation(operationId = "withdrawMentorshipRequest", summary = "The mentee withdraws an open request")
    public Uni<RequestViews.Request> withdraw(@PathParam("requestId") UUID requestId) {
        return requests.withdraw(requestId).map(RequestViews.Request::withMessages);
    }

    /** The shape of a page of requests, for the API document. */
    @Schema(name = "MentorshipRequestPage")
    record RequestPage(List<RequestViews.Request> items, String nextCursor) {
    }
}
