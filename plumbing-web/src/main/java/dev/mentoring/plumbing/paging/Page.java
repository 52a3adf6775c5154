package dev.mentoring.plumbing.paging;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, the shape of every list answer: the items, and the opaque cursor of the next
 * page ({@code null} on the last page). See docs/api-conventions.md.
 */
public record Page<T>(@Schema(description = "The items of this page, in the list's order") List<T> items,
        @Schema(nullable = true, description = "The cursor of the next page; null on the last page")
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

    /** The same page with each item made into another (a use case's results into views). */
    public <R> Page<R> map(Function<T, R> each) {
        return new Page<>(items.stream().map(each).toList(), nextCursor);
    }
}
