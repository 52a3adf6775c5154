package dev.mentoring.matching.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.plumbing.problem.Problem;

/**
 * Under {@code /scim/v2} every refusal is a SCIM error document: one the platform answers as problem+json (no token
 * or role, a body too large, a request in conflict with another, ...) is rewritten with the same status and detail.
 */
public class ScimProblems {

    @ServerResponseFilter
    public void asScimError(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem) || !request.getUriInfo().getPath().startsWith("/scim/")) {
            return;
        }
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add(ScimResource.ERROR);
        error.put("status", String.valueOf(problem.status()));
        if (problem.status() == 409) {
            error.put("scimType", "uniqueness");
        } else if (problem.status() == 400) {
            error.put("scimType", "invalidValue");
        }
        String detail = problem.status() == 415 ? "Content-Type must be " + ScimResource.MEDIA_TYPE + " (or application/json)"
                : problem.detail() != null ? problem.detail() : problem.title();
        if (detail != null) {
            error.put("detail", detail);
        }
        response.setEntity(error.toString());
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimResource.MEDIA_TYPE);
    }
}
