package dev.mentoring.notification.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import dev.mentoring.notification.application.Webhooks;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * A tenant's webhook endpoints and their delivery logs, for its integration clients (role integration) and program
 * admins. Deliveries follow the Standard Webhooks specification (docs/webhooks.md). Another tenant's endpoint or delivery
 * is 404, as one that does not exist.
 */
@Path("/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "integration", "program-admin" })
public class WebhookResource {

    private static final String NOT_FOUND = "No such webhook endpoint (or delivery) in your tenant";

    private final Webhooks webhooks;

    WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Path("/event-types")
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types an endpoint may ask for")
    public WebhookViews.EventTypes eventTypes() {
        return new WebhookViews.EventTypes(webhooks.eventTypes());
    }

    @POST
    @Path("/endpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "registerWebhookEndpoint", summary = "Register a webhook endpoint",
            description = "Each event of the types asked for is POSTed to the URL as a CloudEvent (JSON), signed as Standard Webhooks has "
                    + "it (webhook-id, webhook-timestamp, webhook-signature). The signing secret is in this answer only. At most 20 "
                    + "endpoints per tenant (409).")
    @APIResponse(responseCode = "201", description = "The endpoint and its secret",
            content = @Content(schema = @Schema(implementation = WebhookViews.Registered.class)))
    @APIResponse(responseCode = "409", description = "The tenant has its most endpoints already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookViews.Registered> register(@NotNull @Valid WebhookViews.EndpointInput in) {
        return webhooks.register(in.change()).map(WebhookViews.Registered::of);
    }

    @GET
    @Path("/endpoints")
    @Operation(operationId = "listWebhookEndpoints", summary = "Your tenant's webhook endpoints", description = "Paged (limit, cursor).")
    public Uni<Page<WebhookViews.EndpointView>> list(
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return webhooks.list(PageRequest.of(cursor, limit)).map(page -> page.map(WebhookViews.EndpointView::of));
    }

    @GET
    @Path("/endpoints/{endpointId}")
    @Operation(operationId = "getWebhookEndpoint", summary = "A webhook endpoint and its ETag")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(schema = @Schema(implementation = WebhookViews.EndpointView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<WebhookViews.EndpointView>> one(@PathParam("endpointId") UUID endpointId) {
        return webhooks.one(endpointId).map(e -> tagged(WebhookViews.EndpointView.of(e), e.version));
    }

    @PUT
    @Path("/endpoints/{endpointId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeWebhookEndpoint", summary = "Change a webhook endpoint, or turn it on or off",
            description = "A field left out stays as it is. enabled true turns an endpoint on again after it was turned off for failing; "
                    + "its deliveries waiting meanwhile are sent then. If-Match with the ETag is optional: one that is not the latest is 412.")
    @APIResponse(responseCode = "200", description = "The endpoint as changed, with its new ETag",
            content = @Content(schema = @Schema(implementation = WebhookViews.EndpointView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<WebhookViews.EndpointView>> change(@PathParam("endpointId") UUID endpointId, @NotNull @Valid WebhookViews.EndpointInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The endpoint's ETag as read; optional") String ifMatch) {
        return webhooks.change(endpointId, in.change(), ifMatch).map(e -> tagged(WebhookViews.EndpointView.of(e), e.version));
    }

    @POST
    @Path("/endpoints/{endpointId}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the endpoint's signing secret",
            description = "The new secret is in this answer only. For 24 hours deliveries carry a signature with each secret, so the "
                    + "receiver can switch over.")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(schema = @Schema(implementation = WebhookViews.Rotated.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookViews.Rotated> rotate(@PathParam("endpointId") UUID endpointId) {
        return webhooks.rotateSecret(endpointId).map(WebhookViews.Rotated::of);
    }

    @DELETE
    @Path("/endpoints/{endpointId}")
    @ResponseStatus(204)
    @Operation(operationId = "deleteWebhookEndpoint", summary = "Delete a webhook endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@PathParam("endpointId") UUID endpointId) {
        return webhooks.delete(endpointId);
    }

    @GET
    @Path("/endpoints/{endpointId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's delivery log, newest first",
            description = "Each delivery with its attempts so far, last status, latency and error; state filters. Paged (limit, cursor). "
                    + "Kept 30 days.")
    @APIResponse(responseCode = "200", description = "One page of the log")
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page<WebhookViews.DeliveryView>> deliveries(@PathParam("endpointId") UUID endpointId,
            @QueryParam("state") @Parameter(description = "PENDING, DELIVERED or FAILED", schema = @Schema(enumeration = { "PENDING", "DELIVERED", "FAILED" })) String state,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return webhooks.deliveries(endpointId, state, PageRequest.of(cursor, limit)).map(page -> page.map(WebhookViews.DeliveryView::of));
    }

    @GET
    @Path("/endpoints/{endpointId}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery with its attempts")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(schema = @Schema(implementation = WebhookViews.DeliveryDetail.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookViews.DeliveryDetail> delivery(@PathParam("endpointId") UUID endpointId, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.delivery(endpointId, deliveryId).map(WebhookViews.DeliveryDetail::of);
    }

    @POST
    @Path("/endpoints/{endpointId}/deliveries/{deliveryId}/redelivery")
    @ResponseStatus(202)
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "At once, with the whole retry schedule; a delivered one too (same webhook-id). It keeps its place in its "
                    + "partnership's order. 409 while the endpoint is off or while the delivery is being sent.")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = WebhookViews.DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "The endpoint is off, or the delivery is being sent now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookViews.DeliveryView> redeliver(@PathParam("endpointId") UUID endpointId, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(endpointId, deliveryId).map(WebhookViews.DeliveryView::of);
    }

    private static <T> RestResponse<T> tagged(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }
}
