package dev.mentoring.plumbing.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A value breaks a rule of the domain; names each field at fault (as the API names it, e.g. {@code rrule} or
 * {@code thresholds.lookbackDays}) and what the rule asks of it. Plain Java, so that a {@code domain} package may throw
 * it; every service answers it 422 with the fields ({@code dev.mentoring.plumbing.problem.ProblemResponses}).
 */
public class RuleViolation extends IllegalArgumentException {

    /** One field at fault and what is wrong with it (without the field's name). */
    public record Fault(String field, String reason) {
    }

    private final transient List<Fault> faults;

    public RuleViolation(List<Fault> faults) {
        super(faults.stream().map(f -> f.field() + ": " + f.reason()).collect(Collectors.joining("; ")));
        if (faults.isEmpty()) {
            throw new IllegalStateException("a rule violation names at least one field");
        }
        this.faults = List.copyOf(faults);
    }

    public RuleViolation(String field, String reason) {
        this(List.of(new Fault(field, reason)));
    }

    public List<Fault> faults() {
        return faults;
    }

    /** The (first) field at fault. */
    public String field() {
        return faults.get(0).field();
    }

    /** What is wrong with the (first) field. */
    public String reason() {
        return faults.get(0).reason();
    }
}
