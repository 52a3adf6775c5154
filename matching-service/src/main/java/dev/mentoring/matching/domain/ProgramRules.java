package dev.mentoring.matching.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import dev.mentoring.plumbing.rules.RuleViolation;

/**
 * What a program's description must hold: a name (1-120 characters), an optional purpose (at most 2,000), at most 20
 * focus skills (each 1-60 characters, kept in lower case, once each), dates in order (enrolment opens on or before it
 * closes; the program starts on or before it ends; enrolment closes on or before the end), and the program's own
 * limits, each 1-10 (open requests and mentors per mentee) or 1-90 (days a request waits), or none: the tenant's.
 */
public final class ProgramRules {

    public static final int MAX_NAME = 120;
    public static final int MAX_PURPOSE = 2000;
    public static final int MAX_FOCUS_SKILLS = 20;
    public static final int MAX_SKILL = 60;
    public static final int MAX_EXPIRY_DAYS = 90;

    /** A program's description as an admin gives it. */
    public record Description(String name, String purpose, List<String> focusSkills, Joining joining, LocalDate enrolmentOpensOn,
            LocalDate enrolmentClosesOn, LocalDate startsOn, LocalDate endsOn, Integer maxOpenRequests, Integer maxActiveMentors,
            Integer requestExpiryDays) {
    }

    /**
     * A program's own matching settings: the weights of the match score (null: the tenant's), a hard rule on how many
     * hours apart a mentee and a mentor may live (null: each mentee's own limit; else the smaller of the two), and the
     * default agreement its partnerships start from (null: none).
     */
    public record MatchingSettings(Map<Criterion, Integer> weights, Integer maxHoursApart, DefaultAgreement defaultAgreement) {

        public static final MatchingSettings NONE = new MatchingSettings(null, null, null);

        /** The weights in force: the program's, or the tenant's given. */
        public Weights weightsOr(Weights tenants) {
            return weights == null ? tenants : new Weights(weights);
        }
    }

    /** What an agreement of the program says where the pair writes nothing: any may be null. */
    public record DefaultAgreement(Cadence cadence, Integer sessionMinutes, String groundRules, String confidentiality) {
    }

    /** The most hours apart a program's hard rule may allow. */
    public static final int MAX_HOURS_APART = 14;

    private ProgramRules() {
    }

    /** The settings checked, their texts trimmed (blank: none); every fault named at once. */
    public static MatchingSettings checked(MatchingSettings s) {
        List<RuleViolation.Fault> faults = new ArrayList<>();
        if (s.weights() != null) {
            try {
                new Weights(s.weights());
            } catch (RuleViolation e) {
                faults.addAll(e.faults());
            }
        }
        if (s.maxHoursApart() != null && (s.maxHoursApart() < 0 || s.maxHoursApart() > MAX_HOURS_APART)) {
            faults.add(new RuleViolation.Fault("maxHoursApart", "must be 0-" + MAX_HOURS_APART));
        }
        DefaultAgreement a = s.defaultAgreement();
        DefaultAgreement trimmed = null;
        if (a != null) {
            if (a.sessionMinutes() != null && (a.sessionMinutes() < 30 || a.sessionMinutes() > 240)) {
                faults.add(new RuleViolation.Fault("defaultAgreement.sessionMinutes", "must be 30-240"));
            }
            String rules = text(a.groundRules(), "defaultAgreement.groundRules", faults);
            String confidentiality = text(a.confidentiality(), "defaultAgreement.confidentiality", faults);
            trimmed = new DefaultAgreement(a.cadence(), a.sessionMinutes(), rules, confidentiality);
        }
        if (!faults.isEmpty()) {
            throw new RuleViolation(faults);
        }
        return new MatchingSettings(s.weights() == null ? null : new Weights(s.weights()).byCriterion(), s.maxHoursApart(), trimmed);
    }

    private static String text(String value, String field, List<RuleViolation.Fault> faults) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_AGREEMENT_TEXT) {
            faults.add(new RuleViolation.Fault(field, "must be at most " + MAX_AGREEMENT_TEXT + " characters"));
        }
        return stripped;
    }

    /** The longest default ground rules or confidentiality statement, as in an agreement. */
    public static final int MAX_AGREEMENT_TEXT = 4000;

    /** The description checked, with its texts trimmed and its skills in lower case; every fault named at once. */
    public static Description checked(Description d) {
        List<RuleViolation.Fault> faults = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            faults.add(new RuleViolation.Fault("name", "must be 1-" + MAX_NAME + " characters"));
        }
        String purpose = d.purpose() == null || d.purpose().isBlank() ? null : d.purpose().strip();
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            faults.add(new RuleViolation.Fault("purpose", "must be at most " + MAX_PURPOSE + " characters"));
        }
        LinkedHashSet<String> skills = new LinkedHashSet<>();
        for (String skill : d.focusSkills() == null ? List.<String>of() : d.focusSkills()) {
            String s = skill == null ? "" : skill.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty() || s.length() > MAX_SKILL) {
                faults.add(new RuleViolation.Fault("focusSkills", "each must be 1-" + MAX_SKILL + " characters"));
                break;
            }
            skills.add(s);
        }
        if (skills.size() > MAX_FOCUS_SKILLS) {
            faults.add(new RuleViolation.Fault("focusSkills", "at most " + MAX_FOCUS_SKILLS));
        }
        if (d.joining() == null) {
            faults.add(new RuleViolation.Fault("joining", "is required: HR_ENROLS, APPLY or OPEN"));
        }
        Object[][] dates = { { "enrolmentOpensOn", d.enrolmentOpensOn() }, { "enrolmentClosesOn", d.enrolmentClosesOn() },
                { "startsOn", d.startsOn() }, { "endsOn", d.endsOn() } };
        for (Object[] date : dates) {
            LocalDate day = (LocalDate) date[1];
            if (day != null && (day.getYear() < 2000 || day.getYear() > 2999)) {
                faults.add(new RuleViolation.Fault((String) date[0], "must be a day of the years 2000-2999"));
            }
        }
        if (before(d.enrolmentClosesOn(), d.enrolmentOpensOn())) {
            faults.add(new RuleViolation.Fault("enrolmentClosesOn", "must not be before enrolmentOpensOn"));
        }
        if (before(d.endsOn(), d.startsOn())) {
            faults.add(new RuleViolation.Fault("endsOn", "must not be before startsOn"));
        }
        if (before(d.endsOn(), d.enrolmentClosesOn())) {
            faults.add(new RuleViolation.Fault("enrolmentClosesOn", "must not be after endsOn"));
        }
        range(faults, "maxOpenRequests", d.maxOpenRequests(), MenteeLimits.LOWEST, MenteeLimits.HIGHEST);
        range(faults, "maxActiveMentors", d.maxActiveMentors(), MenteeLimits.LOWEST, MenteeLimits.HIGHEST);
        range(faults, "requestExpiryDays", d.requestExpiryDays(), 1, MAX_EXPIRY_DAYS);
        if (!faults.isEmpty()) {
            throw new RuleViolation(faults);
        }
        return new Description(name, purpose, List.copyOf(skills), d.joining(), d.enrolmentOpensOn(), d.enrolmentClosesOn(),
                d.startsOn(), d.endsOn(), d.maxOpenRequests(), d.maxActiveMentors(), d.requestExpiryDays());
    }

    /**
     * The limits a program's mentees have: the program's own where it sets them, else the tenant's (the one it lacks
     * taken from the tenant's).
     */
    public static MenteeLimits limits(Integer maxOpenRequests, Integer maxActiveMentors, MenteeLimits tenant) {
        return new MenteeLimits(maxOpenRequests == null ? tenant.maxOpenRequests() : maxOpenRequests,
                maxActiveMentors == null ? tenant.maxActiveMentors() : maxActiveMentors);
    }

    private static boolean before(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isBefore(b);
    }

    private static void range(List<RuleViolation.Fault> faults, String field, Integer value, int low, int high) {
        if (value != null && (value < low || value > high)) {
            faults.add(new RuleViolation.Fault(field, "must be between " + low + " and " + high));
        }
    }
}
