package dev.mentoring.sessions.application;

import java.util.function.Function;

import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;

/**
 * The sort key a list's cursor carries (see {@link PageRequest}): its parts joined by {@code |}. A cursor this API did
 * not give out is a 400 naming {@code cursor}.
 */
final class PageCursor {

    private PageCursor() {
    }

    /** The key of an item: its parts, in the list's order. */
    static String of(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (key.length() > 0) {
                key.append('|');
            }
            key.append(part);
        }
        return key.toString();
    }

    /** The key the page starts after, read by {@code parse} from its parts; null on the first page. */
    static <T> T read(PageRequest page, int parts, Function<String[], T> parse) {
        if (page.after() == null) {
            return null;
        }
        String[] split = page.after().split("\\|", -1);
        try {
            if (split.length != parts) {
                throw new IllegalArgumentException("a key of " + split.length + " parts");
            }
            return parse.apply(split);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
        }
    }
}
