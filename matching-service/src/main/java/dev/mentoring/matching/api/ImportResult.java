package dev.mentoring.matching.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.plumbing.problem.Problem;

/** What a bulk import did with each item, in the order sent. */
public record ImportResult(int created, int updated, int unchanged, int rejected, List<ItemResult> items) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemResult(int index, String employeeId, Outcome outcome, UUID participantId, String reason,
            List<Problem.FieldError> errors) {
    }
}
