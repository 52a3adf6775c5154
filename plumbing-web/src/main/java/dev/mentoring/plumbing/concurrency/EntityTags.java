package dev.mentoring.plumbing.concurrency;

import java.util.List;

import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP, one way for every resource two people can edit: the answer carries
 * {@code ETag: "<version>"}; an edit sends it back in {@code If-Match}. A stale one is 412 (read again, merge, retry);
 * a missing one is 428 where the edit requires it. A weak tag ({@code W/"3"}) matches as well.
 */
public final class EntityTags {

    /** The header the answer carries. */
    public static final String ETAG = "ETag";
    /** The header an edit sends back. */
    public static final String IF_MATCH = "If-Match";
    /** How the API document describes a 412 answer. */
    public static final String STALE_DESCRIPTION = "If-Match names a version that is not the latest: read again, merge, retry";

    private EntityTags() {
    }

    /** The ETag of a resource at {@code version}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an edit's If-Match against the resource's current version: 412 when it names another version, 428 when it
     * is missing and {@code required}; a missing optional one lets the edit through (the last write wins).
     *
     * @param what names the resource in the answer, e.g. {@code the agenda item}
     */
    public static void check(String ifMatch, long currentVersion, boolean required, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ProblemException(428, "Precondition Required", "Send If-Match with the ETag of " + what + " you edit",
                        List.of(new Problem.FieldError(IF_MATCH, "is required")));
            }
            return;
        }
        if (!matches(ifMatch, currentVersion)) {
            throw new ProblemException(412, "Precondition Failed",
                    "The version of " + what + " you sent is not its latest; read it again (it is at " + of(currentVersion) + ")",
                    List.of(new Problem.FieldError(IF_MATCH, "does not name the latest version")));
        }
    }

    /** Whether an If-Match value (one tag, a list, or {@code *}) names {@code version}. */
    public static boolean matches(String ifMatch, long version) {
        String tag = of(version);
        for (String candidate : ifMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(tag) || value.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }
}
