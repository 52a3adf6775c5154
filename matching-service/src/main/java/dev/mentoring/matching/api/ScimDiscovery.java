package dev.mentoring.matching.api;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mentoring.matching.domain.scim.ResourceType;
import dev.mentoring.matching.domain.scim.ScimSchema;

/**
 * The discovery documents (RFC 7644 section 4): what this service provider supports, told as it is (PATCH, filters,
 * ETags; no bulk, no sorting, no password change), its resource types and its schemas, made from the same
 * definitions the filter, PATCH and projection code reads.
 */
final class ScimDiscovery {

    static final String SP_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    static final int MAX_RESULTS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimDiscovery() {
    }

    static ObjectNode serviceProviderConfig(String base) {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add(SP_CONFIG);
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", true);
        ArrayNode schemes = config.putArray("authenticationSchemes");
        schemes.addObject().put("type", "oauthbearertoken").put("name", "OAuth Bearer Token")
                .put("description", "A client-credentials access token of the tenant's HR client, with the realm role integration")
                .put("specUri", "https://www.rfc-editor.org/info/rfc6750").put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", base + "/ServiceProviderConfig"));
        return config;
    }

    static ObjectNode resourceType(ResourceType type, String base) {
        ObjectNode out = NODES.objectNode();
        out.putArray("schemas").add(RESOURCE_TYPE);
        out.put("id", type.name());
        out.put("name", type.name());
        out.put("endpoint", type.endpoint());
        out.put("description", type.description());
        out.put("schema", type.core().id());
        ArrayNode extensions = out.putArray("schemaExtensions");
        type.extensions().forEach(e -> extensions.addObject().put("schema", e.id()).put("required", false));
        out.set("meta", meta("ResourceType", base + "/ResourceTypes/" + type.name()));
        return out;
    }

    static ObjectNode schema(ScimSchema schema, String base) {
        ObjectNode out = NODES.objectNode();
        out.putArray("schemas").add(SCHEMA);
        out.put("id", schema.id());
        out.put("name", schema.name());
        out.put("description", schema.description());
        ArrayNode attributes = out.putArray("attributes");
        schema.attributes().forEach(a -> attributes.add(attribute(a)));
        out.set("meta", meta("Schema", base + "/Schemas/" + schema.id()));
        return out;
    }

    private static ObjectNode attribute(ScimSchema.Attribute a) {
        ObjectNode out = NODES.objectNode();
        out.put("name", a.name());
        out.put("type", a.type().scimName);
        out.put("multiValued", a.multiValued());
        out.put("description", a.description());
        out.put("required", a.required());
        if (!a.complex()) {
            out.put("caseExact", a.caseExact());
        }
        if (!a.canonicalValues().isEmpty()) {
            ArrayNode values = out.putArray("canonicalValues");
            a.canonicalValues().forEach(values::add);
        }
        if (!a.referenceTypes().isEmpty()) {
            ArrayNode types = out.putArray("referenceTypes");
            a.referenceTypes().forEach(types::add);
        }
        out.put("mutability", a.mutability().scimName);
        out.put("returned", a.returned().scimName);
        out.put("uniqueness", a.uniqueness());
        if (a.complex()) {
            ArrayNode subs = out.putArray("subAttributes");
            a.subAttributes().forEach(sub -> subs.add(attribute(sub)));
        }
        return out;
    }

    /** A list of discovery resources (ResourceTypes, Schemas), as a ListResponse. */
    static ObjectNode list(List<ObjectNode> resources) {
        ObjectNode out = NODES.objectNode();
        out.putArray("schemas").add(ScimResource.LIST_RESPONSE);
        out.put("totalResults", resources.size());
        out.put("startIndex", 1);
        out.put("itemsPerPage", resources.size());
        ArrayNode list = out.putArray("Resources");
        resources.forEach(list::add);
        return out;
    }

    private static ObjectNode meta(String resourceType, String location) {
        return NODES.objectNode().put("resourceType", resourceType).put("location", location);
    }
}
