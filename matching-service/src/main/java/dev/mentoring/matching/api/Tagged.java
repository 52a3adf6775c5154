package dev.mentoring.matching.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.mentoring.plumbing.concurrency.EntityTags;

/** Answers that carry a resource two people may edit, with its version as the ETag an edit sends back in If-Match. */
final class Tagged {

    /** The description of the ETag header in the API document. */
    static final String ETAG = "The version of what the answer shows; send it back in If-Match to edit it";

    private Tagged() {
    }

    static Response answer(int status, Object entity, long version) {
        return Response.status(status).entity(entity).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    static Response ok(Object entity, long version) {
        return answer(200, entity, version);
    }
}
