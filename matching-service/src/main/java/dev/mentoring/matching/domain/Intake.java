package dev.mentoring.matching.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import dev.mentoring.plumbing.rules.RuleViolation;

/**
 * The intake of an enrolment: the self-reflection a person writes when they join a program. A mentee's: strengths and
 * areas to develop (each at most 10 terms), what they hope the partnership brings (at most 1,000 characters), up to 5
 * goals, each SMART as in agreements, and how often and how they would like to meet. A mentor's: what they offer (at
 * most 10 terms) and how many mentees they take in this program (0-20). Each side only for its role.
 */
public record Intake(MentoringRole role, List<String> strengths, List<String> areasToDevelop, String hopes, List<SmartGoal> goals,
        Cadence preferredFrequency, MeetingMode preferredMode, List<String> offers, Integer capacity) {

    public static final int MAX_TERMS = 10;
    public static final int MAX_GOALS = 5;
    public static final int MAX_HOPES = 1000;
    public static final int MAX_CAPACITY = 20;

    /** The intake checked against its role on {@code today}: terms trimmed, in lower case, once each; every fault named. */
    public static Intake checked(Intake in, LocalDate today) {
        List<RuleViolation.Fault> faults = new ArrayList<>();
        boolean mentee = in.role() == MentoringRole.MENTEE;
        if (mentee) {
            if (!empty(in.offers()) || in.capacity() != null) {
                faults.add(new RuleViolation.Fault(!empty(in.offers()) ? "offers" : "capacity", "is a mentor's; this enrolment is a mentee's"));
            }
        } else if (!empty(in.strengths()) || !empty(in.areasToDevelop()) || in.hopes() != null || !empty(in.goals())
                || in.preferredFrequency() != null || in.preferredMode() != null) {
            faults.add(new RuleViolation.Fault("mentee", "a mentee's intake; this enrolment is a mentor's"));
        }
        List<String> strengths = terms(faults, "strengths", in.strengths());
        List<String> areas = terms(faults, "areasToDevelop", in.areasToDevelop());
        List<String> offers = terms(faults, "offers", in.offers());
        String hopes = in.hopes() == null || in.hopes().isBlank() ? null : in.hopes().strip();
        if (hopes != null && hopes.length() > MAX_HOPES) {
            faults.add(new RuleViolation.Fault("hopes", "must be at most " + MAX_HOPES + " characters"));
        }
        List<SmartGoal> goals = in.goals() == null ? List.of() : in.goals();
        if (goals.size() > MAX_GOALS) {
            faults.add(new RuleViolation.Fault("goals", "at most " + MAX_GOALS));
        }
        for (int i = 0; i < goals.size(); i++) {
            SmartGoal goal = goals.get(i);
            if (goal == null) {
                faults.add(new RuleViolation.Fault("goals[" + i + "]", "is required"));
                continue;
            }
            int index = i;
            goal.problem(today).ifPresent(p -> faults.add(new RuleViolation.Fault("goals[" + index + "]." + p[0], p[1])));
        }
        if (in.capacity() != null && (in.capacity() < 0 || in.capacity() > MAX_CAPACITY)) {
            faults.add(new RuleViolation.Fault("capacity", "must be between 0 and " + MAX_CAPACITY));
        }
        if (!faults.isEmpty()) {
            throw new RuleViolation(faults);
        }
        return new Intake(in.role(), strengths, areas, hopes, goals, in.preferredFrequency(), in.preferredMode(), offers, in.capacity());
    }

    /**
     * A mentor's places left in a program: their places overall, or fewer where their intake's places in the program
     * ({@code inProgram}: those places less their open requests and running partnerships there; null without) are fewer.
     */
    public static int placesLeft(int overall, Integer inProgram) {
        return inProgram == null ? overall : Math.min(overall, Math.max(0, inProgram));
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static List<String> terms(List<RuleViolation.Fault> faults, String field, List<String> terms) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String term : terms == null ? List.<String>of() : terms) {
            String t = term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty() || t.length() > 60) {
                faults.add(new RuleViolation.Fault(field, "each must be 1-60 characters"));
                return List.of();
            }
            kept.add(t);
        }
        if (kept.size() > MAX_TERMS) {
            faults.add(new RuleViolation.Fault(field, "at most " + MAX_TERMS));
        }
        return List.copyOf(kept);
    }
}
