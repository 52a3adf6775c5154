package dev.mentoring.matching.api;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mentoring.plumbing.concurrency.EntityTags;

/** Answers that carry a resource two people may edit, with its version as the ETag an edit sends back in If-Match. */
final class Tagged {

    /** The description of the ETag header in the API document. */
    static final String ETAG = "The version of what the answer shows; send it back in If-Match to edit it";

    /**
     * The JSON of every answer built as a {@link Response}, with the charset it is written in. An answer that names its
     * type is written straight away: without one, RESTEasy negotiates it per request against the Accept header and the
     * method's produces, and then copies the type to add the charset (a profile of the participant read found both).
     */
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());

    private Tagged() {
    }

    static Response answer(int status, Object entity, long version) {
        return Response.status(status).entity(entity).type(JSON).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    static Response ok(Object entity, long version) {
        return answer(200, entity, version);
    }
}
