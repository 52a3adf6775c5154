package dev.mentoring.matching.api;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.application.ScimGroups;
import dev.mentoring.matching.application.ScimUsers;
import dev.mentoring.matching.domain.scim.ResourceType;
import dev.mentoring.matching.domain.scim.ScimException;
import dev.mentoring.matching.domain.scim.ScimJson;
import dev.mentoring.matching.domain.scim.ScimSchema;
import io.smallrye.mutiny.Uni;

/**
 * The SCIM 2.0 service provider (RFC 7643, RFC 7644) for HR platforms and identity providers: {@code /scim/v2}, public
 * at the gateway's {@code /scim/v2}. Users are the tenant's participants, Groups give mentoring roles (docs/scim.md).
 * Bodies are read and written as {@code application/scim+json} (plain JSON is taken too); every refusal is a SCIM error
 * document. Not in the OpenAPI document: SCIM clients read the discovery endpoints instead.
 */
@Path("/scim/v2")
@RolesAllowed("integration")
public class ScimResource {

    static final String MEDIA_TYPE = "application/scim+json";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    static final int DEFAULT_COUNT = 100;
    private static final java.util.regex.Pattern FORWARDED_HOST = java.util.regex.Pattern.compile("[A-Za-z0-9.\\[\\]:-]{1,255}");
    private static final java.util.regex.Pattern FORWARDED_PREFIX = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+){1,10}");
    /** A resource with nothing in it, to check a projection's paths on before a write. */
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    /** Bodies as JSON trees: one document, no duplicate keys, bounded nesting. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(65_536).build());
    }

    private final ScimUsers users;
    private final ScimGroups groups;

    ScimResource(ScimUsers users, ScimGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    // ---------------------------------------------------------------- discovery

    @GET
    @Path("/ServiceProviderConfig")
    @Operation(hidden = true)
    public Response serviceProviderConfig(@Context UriInfo uri, @Context HttpHeaders headers) {
        return ok(ScimDiscovery.serviceProviderConfig(base(uri, headers)));
    }

    @GET
    @Path("/ResourceTypes")
    @Operation(hidden = true)
    public Response resourceTypes(@Context UriInfo uri, @Context HttpHeaders headers) {
        String base = base(uri, headers);
        return ok(ScimDiscovery.list(ResourceType.ALL.stream().map(t -> ScimDiscovery.resourceType(t, base)).toList()));
    }

    @GET
    @Path("/ResourceTypes/{name}")
    @Operation(hidden = true)
    public Response resourceType(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        ResourceType type = ResourceType.ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> ScimException.notFound("no resource type " + name + " (User, Group)"));
        return ok(ScimDiscovery.resourceType(type, base(uri, headers)));
    }

    @GET
    @Path("/Schemas")
    @Operation(hidden = true)
    public Response schemas(@Context UriInfo uri, @Context HttpHeaders headers) {
        String base = base(uri, headers);
        return ok(ScimDiscovery.list(ResourceType.schemas().stream().map(s -> ScimDiscovery.schema(s, base)).toList()));
    }

    @GET
    @Path("/Schemas/{id}")
    @Operation(hidden = true)
    public Response schema(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        ScimSchema schema = ResourceType.schemas().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ScimException.notFound("no schema " + id));
        return ok(ScimDiscovery.schema(schema, base(uri, headers)));
    }

    // ---------------------------------------------------------------- Users

    @GET
    @Path("/Users")
    @Operation(hidden = true)
    public Uni<Response> listUsers(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        return search(ResourceType.USER, filter, startIndex, count, attributes, excluded, uri, headers);
    }

    @POST
    @Path("/Users/.search")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> searchUsers(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return searchRequest(ResourceType.USER, body, uri, headers);
    }

    @POST
    @Path("/Users")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> createUser(byte[] body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.USER, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return users.create(json).map(user -> created(user, ResourceType.USER, base, attributes, excluded));
    }

    @GET
    @Path("/Users/{id}")
    @Operation(hidden = true)
    public Uni<Response> getUser(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        String base = base(uri, headers);
        return users.get(id(id, "User")).map(user -> resource(user, ResourceType.USER, base, attributes, excluded, 200));
    }

    @PUT
    @Path("/Users/{id}")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> replaceUser(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID userId = id(id, "User");
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.USER, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return users.replace(userId, json, ifMatch).map(user -> resource(user, ResourceType.USER, base, attributes, excluded, 200));
    }

    @PATCH
    @Path("/Users/{id}")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> patchUser(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID userId = id(id, "User");
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.USER, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return users.patch(userId, json, ifMatch).map(user -> resource(user, ResourceType.USER, base, attributes, excluded, 200));
    }

    @DELETE
    @Path("/Users/{id}")
    @Operation(hidden = true)
    public Uni<Response> deleteUser(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return users.delete(id(id, "User"), ifMatch).map(done -> Response.noContent().build());
    }

    // ---------------------------------------------------------------- Groups

    @GET
    @Path("/Groups")
    @Operation(hidden = true)
    public Uni<Response> listGroups(@QueryParam("filter") String filter, @QueryParam("startIndex") String startIndex,
            @QueryParam("count") String count, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        return search(ResourceType.GROUP, filter, startIndex, count, attributes, excluded, uri, headers);
    }

    @POST
    @Path("/Groups/.search")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> searchGroups(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers) {
        return searchRequest(ResourceType.GROUP, body, uri, headers);
    }

    @POST
    @Path("/Groups")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> createGroup(byte[] body, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.GROUP, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return groups.create(json).map(group -> created(group, ResourceType.GROUP, base, attributes, excluded));
    }

    @GET
    @Path("/Groups/{id}")
    @Operation(hidden = true)
    public Uni<Response> getGroup(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excluded, @Context UriInfo uri, @Context HttpHeaders headers) {
        String base = base(uri, headers);
        return groups.get(id(id, "Group")).map(group -> resource(group, ResourceType.GROUP, base, attributes, excluded, 200));
    }

    @PUT
    @Path("/Groups/{id}")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> replaceGroup(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID groupId = id(id, "Group");
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.GROUP, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return groups.replace(groupId, json, ifMatch).map(group -> resource(group, ResourceType.GROUP, base, attributes, excluded, 200));
    }

    @PATCH
    @Path("/Groups/{id}")
    @Consumes({MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(hidden = true)
    public Uni<Response> patchGroup(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excluded,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        UUID groupId = id(id, "Group");
        JsonNode json = body(body, headers);
        ScimJson.project(EMPTY, ResourceType.GROUP, attributes, excluded); // refused before anything is written
        String base = base(uri, headers);
        return groups.patch(groupId, json, ifMatch).map(group -> resource(group, ResourceType.GROUP, base, attributes, excluded, 200));
    }

    @DELETE
    @Path("/Groups/{id}")
    @Operation(hidden = true)
    public Uni<Response> deleteGroup(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return groups.delete(id(id, "Group"), ifMatch).map(done -> Response.noContent().build());
    }

    // ---------------------------------------------------------------- anything else under /scim/v2

    @GET
    @Path("/{unknown: .+}")
    @Operation(hidden = true)
    public Response unknownGet(@PathParam("unknown") String unknown) {
        throw ScimException.notFound("no SCIM endpoint /" + clip(unknown) + " (ServiceProviderConfig, ResourceTypes, Schemas, Users, Groups)");
    }

    @POST
    @Path("/{unknown: .+}")
    @Operation(hidden = true)
    public Response unknownPost(@PathParam("unknown") String unknown) {
        throw ScimException.notFound("no SCIM endpoint /" + clip(unknown) + " (bulk is not supported)");
    }

    /** A SCIM refusal as its error document (RFC 7644 3.12). */
    @ServerExceptionMapper
    public Response refused(ScimException e) {
        return error(e.status(), e.scimType(), e.getMessage());
    }

    static Response error(int status, String scimType, String detail) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.putArray("schemas").add(ERROR);
        error.put("status", String.valueOf(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        if (detail != null) {
            error.put("detail", detail);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(error.toString()).build();
    }

    // ---------------------------------------------------------------- the parts

    private Uni<Response> search(ResourceType type, String filter, String startIndex, String count, String attributes,
            String excluded, UriInfo uri, HttpHeaders headers) {
        int start = Math.min(1_000_000_000, number(startIndex, "startIndex", 1));
        int size = Math.min(ScimDiscovery.MAX_RESULTS, Math.max(0, number(count, "count", DEFAULT_COUNT)));
        String base = base(uri, headers);
        ScimJson.project(EMPTY, type, attributes, excluded); // the paths are checked first
        Uni<ScimUsers.Listed> listed = type == ResourceType.USER ? users.list(filter, start, size) : groups.list(filter, start, size);
        return listed.map(page -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putArray("schemas").add(LIST_RESPONSE);
            out.put("totalResults", page.totalResults());
            out.put("startIndex", page.startIndex());
            out.put("itemsPerPage", page.resources().size());
            ArrayNode resources = out.putArray("Resources");
            page.resources().forEach(r -> resources.add(ScimJson.project(located(r, type, base), type, attributes, excluded)));
            return ok(out);
        });
    }

    /** POST .../.search: the list's parameters in a SearchRequest body (RFC 7644 3.4.3). */
    private Uni<Response> searchRequest(ResourceType type, byte[] body, UriInfo uri, HttpHeaders headers) {
        JsonNode request = body(body, headers);
        if (!request.isObject()) {
            throw ScimException.invalidSyntax("the body must be a SearchRequest object");
        }
        return search(type, text(request, "filter"), text(request, "startIndex"), text(request, "count"),
                list(request, "attributes"), list(request, "excludedAttributes"), uri, headers);
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ScimException.invalidValue(field + " must be a " + (field.equals("filter") ? "string" : "number"));
        }
        return value.asText();
    }

    private static String list(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue(field + " must be a list of attribute paths");
        }
        StringBuilder joined = new StringBuilder();
        for (JsonNode path : value) {
            if (!path.isTextual()) {
                throw ScimException.invalidValue(field + " must be a list of attribute paths");
            }
            joined.append(joined.length() == 0 ? "" : ",").append(path.textValue());
        }
        return joined.toString();
    }

    private static Response created(ObjectNode resource, ResourceType type, String base, String attributes, String excluded) {
        ObjectNode located = located(resource, type, base);
        Response.ResponseBuilder answer = Response.status(201).type(MEDIA_TYPE)
                .entity(ScimJson.project(located, type, attributes, excluded).toString())
                .header(HttpHeaders.ETAG, located.path("meta").path("version").asText());
        String location = located.path("meta").path("location").asText(null);
        if (location != null) {
            try {
                answer.location(URI.create(location));
            } catch (IllegalArgumentException unusable) {
                // a forwarded host that makes no URI: the body's meta.location says what it says, the header is left out
            }
        }
        return answer.build();
    }

    private static Response resource(ObjectNode resource, ResourceType type, String base, String attributes, String excluded, int status) {
        ObjectNode located = located(resource, type, base);
        return Response.status(status).type(MEDIA_TYPE).entity(ScimJson.project(located, type, attributes, excluded).toString())
                .header(HttpHeaders.ETAG, located.path("meta").path("version").asText()).build();
    }

    private static Response ok(ObjectNode body) {
        return Response.ok(body.toString(), MEDIA_TYPE).build();
    }

    private static ObjectNode located(ObjectNode resource, ResourceType type, String base) {
        if (resource.get("meta") instanceof ObjectNode meta) {
            meta.put("location", base + type.endpoint() + "/" + resource.path("id").asText());
        }
        return resource;
    }

    /**
     * The SCIM base URL as the client sees it: through the gateway its scheme, host and public prefix (X-Forwarded-*),
     * else this service's own address.
     */
    static String base(UriInfo uri, HttpHeaders headers) {
        String prefix = headers.getHeaderString("X-Forwarded-Prefix");
        String host = headers.getHeaderString("X-Forwarded-Host");
        String proto = headers.getHeaderString("X-Forwarded-Proto");
        if (prefix != null && host != null && FORWARDED_HOST.matcher(host).matches() && FORWARDED_PREFIX.matcher(prefix).matches()) {
            String scheme = "https".equalsIgnoreCase(proto) ? "https" : "http";
            return scheme + "://" + host + prefix;
        }
        String own = uri.getBaseUri().toString();
        return (own.endsWith("/") ? own.substring(0, own.length() - 1) : own) + "/scim/v2";
    }

    /** The body as a JSON tree; SCIM or plain JSON only (415), well-formed (invalidSyntax). */
    static JsonNode body(byte[] body, HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!media.equals(MEDIA_TYPE) && !media.equals("application/json")) {
                throw new ScimException(415, null, "Content-Type must be " + MEDIA_TYPE + " (or application/json), not " + clip(type));
            }
        }
        if (body == null || body.length == 0) {
            throw ScimException.invalidSyntax("the request has no body");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw ScimException.invalidSyntax("the request has no body");
            }
            return json;
        } catch (JsonProcessingException malformed) {
            String message = malformed.getOriginalMessage();
            throw ScimException.invalidSyntax("the body is not one JSON document: " + clip(message == null ? "malformed" : message));
        } catch (java.io.IOException unreadable) {
            throw ScimException.invalidSyntax("the body could not be read");
        }
    }

    private static UUID id(String id, String what) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAnId) {
            // as not found
        }
        throw ScimException.notFound(what + " " + clip(id) + " not found");
    }

    private static int number(String text, String name, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw ScimException.invalidValue(name + " must be a whole number");
        }
    }

    private static String clip(String text) {
        String plain = text.replaceAll("[\\p{Cntrl}]", "?");
        return plain.length() > 80 ? plain.substring(0, 80) + "..." : plain;
    }
}
