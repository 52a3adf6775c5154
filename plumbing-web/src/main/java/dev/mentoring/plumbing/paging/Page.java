package dev.mentoring.plumbing.paging;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list, the shape of every list answer: the items, and the opaque cursor of the next
 * page ({@code null} on the last page). See docs/api-conventions.md.
 */
public record Page<T>(List<T> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
