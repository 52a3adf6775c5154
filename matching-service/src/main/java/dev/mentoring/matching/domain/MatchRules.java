package dev.mentoring.matching.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The rules of matching, plain Java: which mentors are excluded for a mentee (hard rules), how well a
 * pair matches (the weighted, explained match score), and how each side ranks the other for stable
 * matching (the mentee by its stated needs and preferences, the mentor by its own preferences).
 * <p>
 * Profiles are {@link #prepare prepared} once per run (words of the goals, clock offsets, skill levels),
 * so that scoring millions of pairs does no text or time-zone work; a cohort run prepares its profiles together
 * ({@link #prepareCohort}) so that sets compare as bit sets. Either way the results are the same.
 */
public final class MatchRules {

    private static final Criterion[] CRITERIA = Criterion.values();

    private MatchRules() {
    }

    /**
     * A profile with what the rules derive from it, computed once: clock offset, words of the goals, skill levels, the
     * fields the rules read copied out of the profile, and every set the rules compare held as {@link Terms} (arrays
     * with a 64-bit code per string) or, when prepared with its cohort ({@link #prepareCohort}), as bit sets and ids of
     * the cohort's {@link Vocabulary}; so that scoring millions of pairs does no text, time-zone or hash-table work.
     */
    public static final class Prepared {
        final MatchingProfile profile;
        // copied out of the profile, so that the hot path reads one object
        final long idMost;
        final long idLeast;
        final String employeeId;
        final int employeeIdHash;
        final String manager;
        final int managerHash;
        final boolean acceptingMentor;
        final int years;
        final Seniority seniority;
        final LeadershipStyle leadership;
        final CommunicationStyle communication;
        final int preferredSeniorities; // as a mentor: one bit per Seniority ordinal
        final int offsetSeconds;
        final Terms languages;
        final Terms industries;
        // as a mentee
        final Terms topics;
        final Terms preferredIndustries;
        final Terms desiredSkills;
        final int[] desiredLevels;
        // as a mentor (expertise counts as offered for anyone): the words of every area in one list, area k ending
        // before areaEnds[k]
        final Terms offeredWords;
        final int[] offeredAreaEnds;
        final Terms wishWords;
        final int[] wishAreaEnds;
        final Terms skills;
        final int[] skillLevels;
        // against a cohort's vocabulary (null otherwise): topics as a bit set, desired skills as ids (-1: no mentor
        // has it); as a mentor, area words as ids and skill levels by id (0: none)
        final Vocabulary vocabulary;
        final long[] topicBits;
        final int[] desiredSkillIds;
        final int[] offeredWordIds;
        final int[] wishWordIds;
        final byte[] levelBySkillId;
        // languages and industries as bit sets when the cohort has at most 63 of each (else -1, unused)
        final long languageBits;
        final long industryBits;
        final long preferredIndustryBits;

        private Prepared(MatchingProfile profile, Instant at) {
            this(profile, at, null);
        }

        private Prepared(MatchingProfile profile, Instant at, Vocabulary vocabulary) {
            this.profile = profile;
            this.idMost = profile.id().getMostSignificantBits();
            this.idLeast = profile.id().getLeastSignificantBits();
            this.employeeId = profile.employeeId();
            this.employeeIdHash = employeeId == null ? 0 : employeeId.hashCode();
            this.manager = profile.managerEmployeeId();
            this.managerHash = manager == null ? 0 : manager.hashCode();
            this.acceptingMentor = profile.isMentor() && profile.active() && profile.mentor().accepting();
            this.years = profile.yearsOfExperience();
            this.seniority = profile.seniority();
            this.leadership = profile.leadership();
            this.communication = profile.communication();
            int seniorities = 0;
            if (profile.isMentor()) {
                for (Seniority preferred : profile.mentor().preferredMenteeSeniority()) {
                    seniorities |= 1 << preferred.ordinal();
                }
            }
            this.preferredSeniorities = seniorities;
            this.offsetSeconds = profile.zone().getRules().getOffset(at).getTotalSeconds();
            this.languages = Terms.of(profile.languages());
            this.industries = Terms.of(profile.industries());
            MatchingProfile.MenteeSide mentee = profile.mentee();
            this.topics = mentee == null ? Terms.NONE : Terms.of(topicsOf(mentee));
            this.preferredIndustries = mentee == null ? Terms.NONE : Terms.of(mentee.preferredIndustries());
            List<Skill> desired = mentee == null ? List.of() : mentee.desiredSkills();
            this.desiredSkills = Terms.of(desired.stream().map(Skill::name).toList());
            this.desiredLevels = desired.stream().mapToInt(Skill::level).toArray();
            Set<String> offered = new LinkedHashSet<>(profile.expertise());
            if (profile.isMentor()) {
                offered.addAll(profile.mentor().wouldMentorIn());
            }
            List<String> offeredList = new ArrayList<>();
            this.offeredAreaEnds = areas(offered, offeredList);
            this.offeredWords = Terms.of(offeredList);
            List<String> wishList = new ArrayList<>();
            this.wishAreaEnds = areas(profile.isMentor() ? profile.mentor().wouldMentorIn() : Set.of(), wishList);
            this.wishWords = Terms.of(wishList);
            Map<String, Integer> levels = new LinkedHashMap<>();
            profile.skills().forEach(skill -> levels.merge(skill.name(), skill.level(), Math::max));
            this.skills = Terms.of(levels.keySet());
            this.skillLevels = levels.values().stream().mapToInt(Integer::intValue).toArray();
            this.vocabulary = vocabulary;
            if (vocabulary == null) {
                topicBits = null;
                desiredSkillIds = null;
                offeredWordIds = null;
                wishWordIds = null;
                levelBySkillId = null;
                languageBits = -1;
                industryBits = -1;
                preferredIndustryBits = -1;
                return;
            }
            languageBits = Vocabulary.bits(vocabulary.languages, languages);
            industryBits = Vocabulary.bits(vocabulary.industries, industries);
            preferredIndustryBits = Vocabulary.bits(vocabulary.industries, preferredIndustries);
            topicBits = new long[(vocabulary.words.size() + 63) / 64];
            for (String topic : topics.values) {
                Integer id = vocabulary.words.get(topic);
                if (id != null) {
                    topicBits[id >>> 6] |= 1L << id;
                }
            }
            desiredSkillIds = new int[desiredSkills.size()];
            for (int k = 0; k < desiredSkillIds.length; k++) {
                desiredSkillIds[k] = vocabulary.skills.getOrDefault(desiredSkills.values[k], -1);
            }
            // as a mentor, only when the vocabulary knows every word and skill (it was built from this one's mentors)
            int[] offeredIds = vocabulary.idsOf(offeredWords);
            int[] wishIds = vocabulary.idsOf(wishWords);
            byte[] levelById = new byte[vocabulary.skills.size()];
            boolean known = offeredIds != null && wishIds != null;
            for (int k = 0; k < skills.size() && known; k++) {
                Integer id = vocabulary.skills.get(skills.values[k]);
                known = id != null;
                if (known) {
                    levelById[id] = (byte) skillLevels[k];
                }
            }
            offeredWordIds = known ? offeredIds : null;
            wishWordIds = known ? wishIds : null;
            levelBySkillId = known ? levelById : null;
        }

        /** Whether these two have their languages as bit sets of one vocabulary. */
        boolean languagesAsBitsWith(Prepared other) {
            return vocabulary != null && vocabulary == other.vocabulary && languageBits != -1 && other.languageBits != -1;
        }

        /** Whether these two have their industries as bit sets of one vocabulary. */
        boolean industriesAsBitsWith(Prepared other) {
            return vocabulary != null && vocabulary == other.vocabulary && industryBits != -1 && other.industryBits != -1
                    && preferredIndustryBits != -1;
        }

        /** Whether this mentee's topics and skills can be compared with that mentor's by their ids. */
        boolean sharesVocabularyWith(Prepared mentor) {
            return vocabulary != null && vocabulary == mentor.vocabulary && mentor.levelBySkillId != null;
        }

        public MatchingProfile profile() {
            return profile;
        }

        /** The words of each area appended to {@code words}; answers where each area's words end. */
        private static int[] areas(Collection<String> areas, List<String> words) {
            int[] ends = new int[areas.size()];
            int k = 0;
            for (String area : areas) {
                words.addAll(words(area));
                ends[k++] = words.size();
            }
            return ends;
        }
    }

    /**
     * A handful of strings (languages, industries, skill names, words), each with a 64-bit code. A string of up to 9
     * ASCII characters (no NUL) is packed into its code exactly, 7 bits a character, so equal codes mean equal
     * strings; a longer one is coded by its hash (top bit set) and confirmed with {@code equals}. Sets of exact codes
     * are compared by looking at every code, without early exits: the sets are small and the outcome of each
     * comparison unpredictable, so a few more compares cost less than mispredicted branches.
     */
    static final class Terms {
        static final Terms NONE = new Terms(new String[0]);
        private static final long HASHED = Long.MIN_VALUE;

        final String[] values;
        final long[] codes;
        private final long summary; // one bit per code, for a quick "none in common" between inexact sets
        private final boolean exact; // every code is its string

        private Terms(String[] values) {
            this.values = values;
            this.codes = new long[values.length];
            long bits = 0;
            boolean allExact = true;
            for (int k = 0; k < values.length; k++) {
                codes[k] = code(values[k]);
                bits |= 1L << (int) ((codes[k] * 0x9E3779B97F4A7C15L) >>> 58);
                allExact &= codes[k] >= 0;
            }
            this.summary = bits;
            this.exact = allExact;
        }

        /** In the collection's order, duplicates kept; null is none. */
        static Terms of(Collection<String> values) {
            return values == null || values.isEmpty() ? NONE : new Terms(values.toArray(String[]::new));
        }

        /** The characters, 7 bits each, for a short ASCII string (top bit clear); otherwise the top bit and the hash. */
        private static long code(String value) {
            int length = value.length();
            if (length <= 9) {
                long code = 0;
                boolean packable = true;
                for (int c = 0; c < length && packable; c++) {
                    char ch = value.charAt(c);
                    packable = ch != 0 && ch < 128;
                    code |= (long) ch << (7 * c);
                }
                if (packable) {
                    return code;
                }
            }
            return HASHED | (value.hashCode() & 0xFFFFFFFFL);
        }

        int size() {
            return values.length;
        }

        /** Where the k-th of {@code source} is among these (the first place), or -1. */
        int indexOf(Terms source, int k) {
            long code = source.codes[k];
            if (code >= 0) {
                int at = -1;
                for (int place = codes.length - 1; place >= 0; place--) {
                    at = codes[place] == code ? place : at;
                }
                return at;
            }
            for (int place = 0; place < codes.length; place++) {
                if (codes[place] == code && values[place].equals(source.values[k])) {
                    return place;
                }
            }
            return -1;
        }

        /** Whether the k-th of {@code source} is among these. */
        boolean contains(Terms source, int k) {
            long code = source.codes[k];
            if (code >= 0) {
                boolean found = false;
                for (long mine : codes) {
                    found |= mine == code;
                }
                return found;
            }
            return indexOf(source, k) >= 0;
        }

        boolean intersects(Terms other) {
            if (exact && other.exact) {
                return countIn(other) > 0;
            }
            if ((summary & other.summary) == 0) {
                return false; // no code in common
            }
            for (int k = 0; k < values.length; k++) {
                if (other.contains(this, k)) {
                    return true;
                }
            }
            return false;
        }

        /** How many of these are in the other. */
        int countIn(Terms other) {
            int count = 0;
            for (int k = 0; k < values.length; k++) {
                count += other.contains(this, k) ? 1 : 0;
            }
            return count;
        }

        /** True when positions {@code from} to {@code to} (exclusive) are at least one, and every one is in the other. */
        boolean allIn(int from, int to, Terms other) {
            boolean all = from < to;
            for (int k = from; k < to; k++) {
                all &= other.contains(this, k);
            }
            return all;
        }
    }

    public static Prepared prepare(MatchingProfile profile, Instant at) {
        return new Prepared(profile, at);
    }

    /** A cohort's profiles prepared against one vocabulary, in the order given. */
    public record PreparedCohort(Prepared[] mentees, Prepared[] mentors) {
    }

    /**
     * Mentors prepared together against a vocabulary of their own, kept to score mentees one at a time (recommendations):
     * a mentee prepared with {@link #mentee} compares with each of them as in a cohort run (bit sets and ids), with the
     * same results as {@link #prepare}. A mentee's word, skill, language or industry they do not know is none of theirs.
     */
    public static final class PreparedMentors {
        private final Vocabulary vocabulary;
        private final List<Prepared> mentors;
        private final Instant at;

        private PreparedMentors(List<MatchingProfile> mentors, Instant at) {
            this.vocabulary = new Vocabulary(List.of(), mentors);
            this.mentors = mentors.stream().map(mentor -> new Prepared(mentor, at, vocabulary)).toList();
            this.at = at;
        }

        /** The mentors, prepared, in the order given. */
        public List<Prepared> mentors() {
            return mentors;
        }

        /** The mentee prepared against these mentors' vocabulary, at the same time as they were. */
        public Prepared mentee(MatchingProfile mentee) {
            return new Prepared(mentee, at, vocabulary);
        }
    }

    /** Mentors prepared at {@code at} for scoring mentees one at a time ({@link PreparedMentors}). */
    public static PreparedMentors prepareMentors(List<MatchingProfile> mentors, Instant at) {
        return new PreparedMentors(mentors, at);
    }

    /**
     * Prepares a cohort run's profiles together: the words of the mentors' areas and the names of their skills are
     * numbered once, so that comparing a mentee's topics and desired skills with a mentor is a few bit tests and array
     * lookups instead of string comparisons. The same results as {@link #prepare} profile by profile.
     */
    public static PreparedCohort prepareCohort(List<MatchingProfile> mentees, List<MatchingProfile> mentors, Instant at) {
        Vocabulary vocabulary = new Vocabulary(mentees, mentors);
        Prepared[] preparedMentees = new Prepared[mentees.size()];
        Prepared[] preparedMentors = new Prepared[mentors.size()];
        IntStream.range(0, mentees.size()).parallel().forEach(i -> preparedMentees[i] = new Prepared(mentees.get(i), at, vocabulary));
        IntStream.range(0, mentors.size()).parallel().forEach(j -> preparedMentors[j] = new Prepared(mentors.get(j), at, vocabulary));
        return new PreparedCohort(preparedMentees, preparedMentors);
    }

    /**
     * The words of some mentors' areas (expertise and what they would mentor in) and the names of their skills,
     * numbered in the order met; and every language and industry of the cohort. A word it does not know is in none of
     * those mentors' areas, so for them it cannot matter; a profile whose own areas or skills it does not know is
     * compared the ordinary way, and so are languages or industries when there are more than 63 of them.
     */
    static final class Vocabulary {
        final Map<String, Integer> words = new HashMap<>();
        final Map<String, Integer> skills = new HashMap<>();
        final Map<String, Integer> languages = new HashMap<>();
        final Map<String, Integer> industries = new HashMap<>();

        Vocabulary(List<MatchingProfile> mentees, List<MatchingProfile> mentors) {
            for (List<MatchingProfile> profiles : List.of(mentees, mentors)) {
                for (MatchingProfile profile : profiles) {
                    profile.languages().forEach(language -> languages.putIfAbsent(language, languages.size()));
                    profile.industries().forEach(industry -> industries.putIfAbsent(industry, industries.size()));
                    if (profile.isMentee() && profile.mentee().preferredIndustries() != null) {
                        profile.mentee().preferredIndustries().forEach(industry -> industries.putIfAbsent(industry, industries.size()));
                    }
                }
            }
            for (MatchingProfile mentor : mentors) {
                List<String> areas = new ArrayList<>(mentor.expertise());
                if (mentor.isMentor()) {
                    areas.addAll(mentor.mentor().wouldMentorIn());
                }
                for (String area : areas) {
                    for (String word : words(area)) {
                        words.putIfAbsent(word, words.size());
                    }
                }
                for (Skill skill : mentor.skills()) {
                    skills.putIfAbsent(skill.name(), skills.size());
                }
            }
        }

        /**
         * The terms as a bit set by their ids, or -1 when there are more than 63 ids. A term it does not know is left
         * out: no profile it was built from has it (a cohort's vocabulary knows every language and industry of the
         * cohort; a mentee compared with {@link PreparedMentors} may speak one none of them does).
         */
        static long bits(Map<String, Integer> ids, Terms terms) {
            if (ids.size() > 63) {
                return -1;
            }
            long bits = 0;
            for (String value : terms.values) {
                Integer id = ids.get(value);
                if (id != null) {
                    bits |= 1L << id;
                }
            }
            return bits;
        }

        /** The ids of the terms, or null when one is unknown. */
        int[] idsOf(Terms terms) {
            int[] ids = new int[terms.size()];
            for (int k = 0; k < ids.length; k++) {
                Integer id = words.get(terms.values[k]);
                if (id == null) {
                    return null;
                }
                ids[k] = id;
            }
            return ids;
        }
    }

    /** The first hard rule that excludes this mentor for this mentee, if any. */
    public static Optional<Exclusion> exclusion(MatchingProfile mentee, MatchingProfile mentor, int remainingCapacity,
            Set<UUID> endedWith, Instant at) {
        return Optional.ofNullable(exclusion(prepare(mentee, at), prepare(mentor, at), remainingCapacity, endedWith));
    }

    /** The first hard rule that excludes this mentor for this mentee, or null. */
    public static Exclusion exclusion(Prepared mentee, Prepared mentor, int remainingCapacity, Set<UUID> endedWith) {
        if (mentee.idMost == mentor.idMost && mentee.idLeast == mentor.idLeast) {
            return Exclusion.IS_THE_MENTEE;
        }
        if (!mentor.acceptingMentor) {
            if (!mentor.profile.isMentor()) {
                return Exclusion.NOT_A_MENTOR;
            }
            if (!mentor.profile.active()) {
                return Exclusion.INACTIVE;
            }
        }
        if (mentee.manager != null && mentee.managerHash == mentor.employeeIdHash && mentee.manager.equals(mentor.employeeId)) {
            return Exclusion.IS_MENTEES_MANAGER;
        }
        if (!endedWith.isEmpty() && endedWith.contains(mentor.profile.id())) {
            return Exclusion.ENDED_BEFORE;
        }
        if (!mentor.acceptingMentor) {
            return Exclusion.NOT_ACCEPTING; // a mentor, active, not accepting
        }
        if (remainingCapacity <= 0) {
            return Exclusion.NO_CAPACITY_LEFT;
        }
        if (sharedLanguages(mentee, mentor) == 0) {
            return Exclusion.NO_SHARED_LANGUAGE;
        }
        if (hoursApart(mentee, mentor) > mentee.profile.mentee().maxTimeZoneGapHours()) {
            return Exclusion.TIME_ZONES_TOO_FAR_APART;
        }
        return null;
    }

    /** The match score of a pair and its explanation. */
    public static MatchScore score(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        return score(prepare(mentee, at), prepare(mentor, at), weights);
    }

    public static MatchScore score(Prepared mentee, Prepared mentor, Weights weights) {
        List<MatchScore.Contribution> contributions = new ArrayList<>(CRITERIA.length);
        double weighted = 0;
        for (Criterion criterion : CRITERIA) {
            int weight = weights.of(criterion);
            double fit = fit(criterion, mentee, mentor);
            double points = 100.0 * weight * fit / weights.total();
            weighted += points;
            contributions.add(new MatchScore.Contribution(criterion, weight, round(fit), round(points)));
        }
        return new MatchScore((int) Math.round(weighted * 10), List.copyOf(contributions));
    }

    /** The score alone, in tenths. */
    public static int points(MatchingProfile mentee, MatchingProfile mentor, Weights weights, Instant at) {
        return points(prepare(mentee, at), prepare(mentor, at), weightArray(weights), weights.total());
    }

    /** The weights by criterion ordinal, for {@link #points(Prepared, Prepared, int[], int)}. */
    public static int[] weightArray(Weights weights) {
        int[] array = new int[CRITERIA.length];
        for (Criterion criterion : CRITERIA) {
            array[criterion.ordinal()] = weights.of(criterion);
        }
        return array;
    }

    /** The score alone, in tenths (0-1000): the hot path of cohort runs. */
    public static int points(Prepared mentee, Prepared mentor, int[] weights, int totalWeight) {
        double weighted = 0;
        for (Criterion criterion : CRITERIA) {
            int weight = weights[criterion.ordinal()];
            if (weight > 0) {
                weighted += weight * fit(criterion, mentee, mentor);
            }
        }
        return (int) Math.round(1_000.0 * weighted / totalWeight);
    }

    /**
     * {@link #points(Prepared, Prepared, int[], int)} and {@link #menteeView} of one pair at once, computing the fits
     * they share (skills, goals, styles, the preferred industry) once: the hot path of cohort runs. The same values
     * as the two calls, packed: read them with {@link #pointsOf} and {@link #menteeViewOf}.
     */
    public static long pointsAndMenteeView(Prepared mentee, Prepared mentor, int[] weights, int totalWeight) {
        double skills = skillCoverage(mentee, mentor);
        double goals = goalsCoverage(mentee, mentor);
        double styles = styleFit(mentee.profile.mentee(), mentor);
        boolean preferredIndustry = prefersIndustryOf(mentee, mentor);
        double noPreference = mentee.preferredIndustries.size() == 0 ? 0.5 : 0.0;
        double weighted = 0;
        for (Criterion criterion : CRITERIA) {
            int weight = weights[criterion.ordinal()];
            if (weight > 0) {
                double fit = switch (criterion) {
                    case SKILLS -> skills;
                    case GOALS_EXPERTISE -> goals;
                    case INDUSTRY -> preferredIndustry ? 1.0 : sharesIndustryWith(mentee, mentor) ? 0.6 : noPreference;
                    case STYLES -> styles;
                    default -> fit(criterion, mentee, mentor);
                };
                weighted += weight * fit;
            }
        }
        int points = (int) Math.round(1_000.0 * weighted / totalWeight);
        double view = 0.4 * skills + 0.3 * goals + 0.15 * (preferredIndustry ? 1.0 : noPreference) + 0.15 * styles;
        return (long) points << 32 | (int) Math.round(view * 10_000);
    }

    /** The points of {@link #pointsAndMenteeView}. */
    public static int pointsOf(long pointsAndMenteeView) {
        return (int) (pointsAndMenteeView >> 32);
    }

    /** The mentee's view of {@link #pointsAndMenteeView}. */
    public static int menteeViewOf(long pointsAndMenteeView) {
        return (int) pointsAndMenteeView;
    }

    static double fit(Criterion criterion, Prepared mentee, Prepared mentor) {
        return switch (criterion) {
            case SKILLS -> skillCoverage(mentee, mentor);
            case GOALS_EXPERTISE -> goalsCoverage(mentee, mentor);
            case INDUSTRY -> industryFit(mentee, mentor);
            case EXPERIENCE_GAP -> experienceGapFit(mentor.years - mentee.years);
            case STYLES -> styleFit(mentee.profile.mentee(), mentor);
            case LANGUAGE -> Math.min(1.0, 0.8 + 0.2 * (sharedLanguages(mentee, mentor) - 1));
            case TIME_ZONE -> 1.0 - hoursApart(mentee, mentor) / (double) Math.max(1, mentee.profile.mentee().maxTimeZoneGapHours() + 1);
        };
    }

    /** Mean over the desired skills of how far the mentor's level reaches the target (1 when at or above). */
    static double skillCoverage(Prepared mentee, Prepared mentor) {
        Terms desired = mentee.desiredSkills;
        if (desired.size() == 0) {
            return 0.5;
        }
        double sum = 0;
        if (mentee.sharesVocabularyWith(mentor)) {
            for (int k = 0; k < desired.size(); k++) {
                int id = mentee.desiredSkillIds[k];
                int level = id < 0 ? 0 : mentor.levelBySkillId[id];
                sum += Math.min(1.0, level / (double) mentee.desiredLevels[k]);
            }
            return sum / desired.size();
        }
        for (int k = 0; k < desired.size(); k++) {
            int at = mentor.skills.indexOf(desired, k);
            int level = at < 0 ? 0 : mentor.skillLevels[at];
            sum += Math.min(1.0, level / (double) mentee.desiredLevels[k]);
        }
        return sum / desired.size();
    }

    /** Share of the mentor's expertise and mentoring wishes found in the mentee's goals and desired skills, saturating at two. */
    static double goalsCoverage(Prepared mentee, Prepared mentor) {
        if (mentee.topics.size() == 0) {
            return 0.5;
        }
        int covered = mentee.sharesVocabularyWith(mentor)
                ? coveredAreas(mentor.offeredWordIds, mentor.offeredAreaEnds, mentee.topicBits, 2)
                : coveredAreas(mentor.offeredWords, mentor.offeredAreaEnds, mentee.topics, 2);
        return Math.min(1.0, covered / 2.0);
    }

    /** {@link #coveredAreas(Terms, int[], Terms, int)} by word ids and a bit set of the topics. */
    private static int coveredAreas(int[] wordIds, int[] areaEnds, long[] topicBits, int enough) {
        int covered = 0;
        int from = 0;
        for (int k = 0; k < areaEnds.length && covered < enough; k++) {
            boolean all = from < areaEnds[k];
            for (int w = from; w < areaEnds[k]; w++) {
                int id = wordIds[w];
                all &= (topicBits[id >>> 6] & 1L << id) != 0;
            }
            covered += all ? 1 : 0;
            from = areaEnds[k];
        }
        return covered;
    }

    /** How many of the areas have all their words among the topics, counting no further than {@code enough}. */
    private static int coveredAreas(Terms words, int[] areaEnds, Terms topics, int enough) {
        int covered = 0;
        int from = 0;
        for (int k = 0; k < areaEnds.length && covered < enough; k++) {
            if (words.allIn(from, areaEnds[k], topics)) {
                covered++;
            }
            from = areaEnds[k];
        }
        return covered;
    }

    /** The words of the mentee's goals and desired skills, lower case. */
    static Set<String> topicsOf(MatchingProfile.MenteeSide mentee) {
        Set<String> topics = new HashSet<>(words(mentee.goals() == null ? "" : mentee.goals()));
        for (Skill skill : mentee.desiredSkills()) {
            topics.addAll(words(skill.name()));
        }
        return topics;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
            if (word.length() >= 2) {
                words.add(word);
            }
        }
        return words;
    }

    /** 1 for a preferred industry, 0.6 for the mentee's own industry, 0.5 when the mentee has no preference. */
    static double industryFit(Prepared mentee, Prepared mentor) {
        if (prefersIndustryOf(mentee, mentor)) {
            return 1.0;
        }
        if (sharesIndustryWith(mentee, mentor)) {
            return 0.6;
        }
        return mentee.preferredIndustries.size() == 0 ? 0.5 : 0.0;
    }

    private static boolean prefersIndustryOf(Prepared mentee, Prepared mentor) {
        if (mentee.industriesAsBitsWith(mentor)) {
            return (mentee.preferredIndustryBits & mentor.industryBits) != 0;
        }
        return mentor.industries.intersects(mentee.preferredIndustries);
    }

    private static boolean sharesIndustryWith(Prepared mentee, Prepared mentor) {
        if (mentee.industriesAsBitsWith(mentor)) {
            return (mentee.industryBits & mentor.industryBits) != 0;
        }
        return mentor.industries.intersects(mentee.industries);
    }

    /** Nothing for a mentor with no more experience; rising to 1 at 5 years ahead; 1 up to 15; then slowly down. */
    static double experienceGapFit(int years) {
        if (years <= 0) {
            return 0.0;
        }
        if (years < 5) {
            return years / 5.0;
        }
        if (years <= 15) {
            return 1.0;
        }
        return Math.max(0.5, 1.0 - (years - 15) / 20.0);
    }

    /** Half for the leadership style, half for the communication style; a missing preference counts half. */
    static double styleFit(MatchingProfile.MenteeSide mentee, Prepared mentor) {
        double leadership = mentee.preferredLeadership() == null ? 0.25
                : mentee.preferredLeadership() == mentor.leadership ? 0.5 : 0.0;
        double communication = mentee.preferredCommunication() == null ? 0.25
                : mentee.preferredCommunication() == mentor.communication ? 0.5 : 0.0;
        return leadership + communication;
    }

    static int sharedLanguages(Prepared a, Prepared b) {
        if (a.languagesAsBitsWith(b)) {
            return Long.bitCount(a.languageBits & b.languageBits);
        }
        return b.languages.countIn(a.languages); // both sets: the same count either way
    }

    /** Hours between the two local clocks at that instant, the short way round (0-12). */
    static int hoursApart(MatchingProfile a, MatchingProfile b, Instant at) {
        return hoursApart(prepare(a, at), prepare(b, at));
    }

    static int hoursApart(Prepared a, Prepared b) {
        return hoursApart(Math.abs(a.offsetSeconds - b.offsetSeconds));
    }

    /**
     * Whole hours between two clocks {@code seconds} apart (half hours up: {@code Math.round(seconds / 3600.0)} in integer
     * arithmetic, which scoring 10,000 mentors spent a fifth of its time in), at most 12 the short way round: clocks 26
     * hours apart (UTC+14 and UTC-12) are 2 hours apart.
     */
    static int hoursApart(int seconds) {
        int hours = (seconds + 1_800) / 3_600 % 24;
        return Math.min(hours, 24 - hours);
    }

    /**
     * How much the mentee wants this mentor, by its own stated needs and preferences only: desired skills,
     * goals, preferred industries and styles (0-10000).
     */
    public static int menteeView(Prepared mentee, Prepared mentor) {
        double fit = 0.4 * skillCoverage(mentee, mentor)
                + 0.3 * goalsCoverage(mentee, mentor)
                + 0.15 * (prefersIndustryOf(mentee, mentor) ? 1.0 : mentee.preferredIndustries.size() == 0 ? 0.5 : 0.0)
                + 0.15 * styleFit(mentee.profile.mentee(), mentor);
        return (int) Math.round(fit * 10_000);
    }

    /**
     * How much the mentor wants this mentee, by the mentor's own preferences: what they would like to
     * mentor in against the mentee's goals, the mentee seniority they prefer, and a useful experience gap
     * (0-10000).
     */
    public static int mentorView(Prepared mentor, Prepared mentee) {
        double wishFit;
        if (mentor.wishAreaEnds.length == 0) {
            wishFit = 0.5;
        } else {
            int covered = mentee.sharesVocabularyWith(mentor)
                    ? coveredAreas(mentor.wishWordIds, mentor.wishAreaEnds, mentee.topicBits, Integer.MAX_VALUE)
                    : coveredAreas(mentor.wishWords, mentor.wishAreaEnds, mentee.topics, Integer.MAX_VALUE);
            wishFit = covered / (double) mentor.wishAreaEnds.length;
        }
        double seniorityFit = mentor.preferredSeniorities == 0 ? 0.5
                : mentee.seniority != null && (mentor.preferredSeniorities & 1 << mentee.seniority.ordinal()) != 0 ? 1.0 : 0.0;
        double fit = 0.5 * wishFit + 0.3 * seniorityFit + 0.2 * experienceGapFit(mentor.years - mentee.years);
        return (int) Math.round(fit * 10_000);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
