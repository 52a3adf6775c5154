package dev.mentoring.plumbing.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.mentoring.plumbing.problem.ProblemException;

/**
 * A request for one page, from the {@code cursor} and {@code limit} query parameters. A cursor is the
 * opaque, URL-safe encoding of the sort key of the last item seen; lists are ordered by a unique key so
 * that a page never repeats or skips an item while rows are added.
 */
public record PageRequest(String after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    /** How the API document describes the {@code cursor} parameter of every list. */
    public static final String CURSOR_DESCRIPTION = "The nextCursor of the page before; none for the first page";
    /** How the API document describes the {@code limit} parameter of every list. */
    public static final String LIMIT_DESCRIPTION = "Items per page, 1-200 (default 50)";
    public static final int MAX_LIMIT = 200;

    /**
     * Reads the query parameters as they came: a limit that is no whole number, out of range, or a cursor this API did
     * not give out is a 400 naming the parameter (an {@code Integer} query parameter would make JAX-RS answer 404).
     */
    public static PageRequest of(String cursor, String limit) {
        Integer size = null;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
            }
        }
        return of(cursor, size);
    }

    /** Reads the query parameters; a bad cursor or limit is a 400 naming the parameter. */
    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(null, size);
        }
        try {
            return new PageRequest(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8), size);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
        }
    }

    /** The cursor's sort key as an id, for lists ordered by id; null on the first page, 400 naming the cursor if it is not one. */
    public UUID afterId() {
        if (after == null) {
            return null;
        }
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
        }
    }

    /**
     * Builds the page from up to {@code limit + 1} rows fetched after {@link #after()}: the extra row only
     * tells that another page exists.
     */
    public <R, T> Page<T> page(List<R> rows, Function<R, String> sortKey, Function<R, T> item) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        sortKey.apply(shown.get(shown.size() - 1)).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(shown.stream().map(item).toList(), next);
    }

    /** The sort key of an item ordered by several parts (e.g. due date, then id): the parts joined by {@code |}, a null part as nothing. */
    public static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append('|');
            }
            if (parts[i] != null) {
                key.append(parts[i]);
            }
        }
        return key.toString();
    }

    /**
     * The several-part key this page starts after, read by {@code parse} from its parts (a null part as ""); null on the
     * first page; a cursor of another shape is a 400 naming {@code cursor}.
     */
    public <T> T afterKey(int parts, Function<String[], T> parse) {
        if (after == null) {
            return null;
        }
        String[] split = after.split("\\|", -1);
        try {
            if (split.length != parts) {
                throw new IllegalArgumentException("a key of " + split.length + " parts");
            }
            return parse.apply(split);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this API gave out");
        }
    }

    /** A place in a list ordered by a time, then an id: what {@link #key}(the time as an Instant, the id) gave out. */
    public record TimeAndId(OffsetDateTime at, UUID id) {
    }

    /**
     * The time-and-id place this page starts after ({@link TimeAndId}); null on the first page; a cursor of another
     * shape is a 400 naming {@code cursor}.
     */
    public TimeAndId afterTimeAndId() {
        return afterKey(2, key -> new TimeAndId(OffsetDateTime.ofInstant(Instant.parse(key[0]), ZoneOffset.UTC), UUID.fromString(key[1])));
    }
}
