package dev.mentoring.feedback.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A value that breaks a rule of the domain, naming each field at fault and what the rule asks of it. */
public class RuleViolation extends RuntimeException {

    /** One field at fault, as the API names it (e.g. {@code thresholds.lookbackDays} or {@code goals[1].goalId}). */
    public record Fault(String field, String message) {
    }

    private final List<Fault> faults;

    public RuleViolation(List<Fault> faults) {
        super(faults.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), null, false, false);
        this.faults = List.copyOf(faults);
    }

    public RuleViolation(String field, String message) {
        this(List.of(new Fault(field, message)));
    }

    public List<Fault> faults() {
        return faults;
    }
}
