package dev.mentoring.matching.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.matching.application.ProvisionedParticipants;
import dev.mentoring.plumbing.problem.Problem;

/** What a bulk import did with each item, in the order sent. */
public record ImportResult(int created, int updated, int unchanged, int rejected, List<ItemResult> items) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ItemResult(int index, String employeeId, Outcome outcome, UUID participantId, String reason,
            List<Problem.FieldError> errors) {

        static ItemResult of(ProvisionedParticipants.ItemOutcome item) {
            return new ItemResult(item.index(), item.employeeId(), Outcome.valueOf(item.outcome().name()), item.participantId(),
                    item.reason(), item.errors());
        }
    }

    static ImportResult of(ProvisionedParticipants.Imported imported) {
        return new ImportResult(imported.created(), imported.updated(), imported.unchanged(), imported.rejected(),
                imported.items().stream().map(ItemResult::of).toList());
    }
}
