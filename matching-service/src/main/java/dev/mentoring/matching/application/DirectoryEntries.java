package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MatchRules;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.MatchScore;
import dev.mentoring.matching.domain.Exclusion;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.matching.persistence.RecommendationReads;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The mentor directory of a program (the journey's "research and choose a mentor"): the program's mentees browse and
 * search its mentors, filtered by skill, industry, language, style, time zone and places left, and by words of their
 * expertise, areas and introduction; each mentor with the caller's match score, best first, or the rule that keeps the
 * two apart. A mentor's card explains the score. Those who run the program browse it too, without scores, by name. Only
 * the public card is shown: never a manager, goals, preferences or private fields. Reads only, on the reactive client
 * and the kept mentor pools (as recommendations).
 */
@ApplicationScoped
public class DirectoryEntries {

    /** What to look for; every one optional. */
    public record Filters(String skill, String industry, String language, String style, Boolean hasPlaces, Integer maxHoursApart,
            String text) {
    }

    /** An entry and the place in the list after it (the cursor of a page that ends with it). */
    private record Placed(int next, Entry entry) {
    }

    /** One mentor as the directory shows them: the person, places left, and for a mentee the score or the rule. */
    public record Entry(Participant mentor, int placesLeft, MatchScore score, Exclusion excludedBecause) {
    }

    private final MentorRecommendations recommendations;
    private final ProgramSettings programSettings;
    private final RecommendationReads reads;
    private final ProgramAccess access;
    private final Caller caller;
    private final Clock clock;

    DirectoryEntries(MentorRecommendations recommendations, RecommendationReads reads, ProgramAccess access, Caller caller,
            Clock clock, ProgramSettings programSettings) {
        this.programSettings = programSettings;
        this.recommendations = recommendations;
        this.reads = reads;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    /** One page of the program's mentors that pass the filters. */
    public Uni<Page<Entry>> browse(UUID programId, Filters filters, PageRequest page) {
        return entries(programId, filters, null).map(all -> {
            // the cursor is the place in this list's order (mentors change rarely; a page may then shift by one)
            int from = page.after() == null ? 0 : page.afterKey(1, parts -> {
                int at = Integer.parseInt(parts[0]);
                if (at < 0) {
                    throw new IllegalArgumentException("a place before the first");
                }
                return at;
            });
            // one more than the page, each with the place after it: the plumbing's page tells whether another follows
            List<Placed> rows = new ArrayList<>();
            for (int at = from; at < Math.min(all.size(), from + page.limit() + 1); at++) {
                rows.add(new Placed(at + 1, all.get(at)));
            }
            return page.page(rows, row -> String.valueOf(row.next()), Placed::entry);
        });
    }

    /** One mentor of the program, with the explained score (404 for anyone not among its mentors). */
    public Uni<Entry> card(UUID programId, UUID mentorId) {
        return entries(programId, new Filters(null, null, null, null, null, null, null), mentorId).map(all -> {
            if (all.isEmpty()) {
                throw ProblemException.notFound("Mentor", mentorId);
            }
            return all.get(0);
        });
    }

    private Uni<List<Entry>> entries(UUID programId, Filters filters, UUID only) {
        String tenant = caller.tenant();
        Instant at = clock.instant();
        return access.visible(tenant, programId).chain(seen -> access.meIfPerson(tenant).chain(me -> {
            UUID menteeId = me == null ? new UUID(0, 0) : me.id;
            return reads.programMentors(tenant, programId, menteeId).chain(program -> {
                if (program == null) {
                    throw ProblemException.notFound("Program", programId);
                }
                boolean mentee = me != null && me.mentee && me.active && (program.general() || program.menteeIn());
                if (!seen.runs() && !mentee) {
                    throw new ProblemException(403, "Forbidden", "Only the program's mentees and admins browse its mentors");
                }
                Set<UUID> inProgram = program.general() ? null : program.mentors();
                // a mentee of the program sees their match with each; one who only runs it sees the cards
                boolean scored = mentee;
                ProgramRules.MatchingSettings own = programSettings.parse(program.settings());
                return Uni.combine().all().unis(recommendations.pool(tenant, at), reads.places(tenant, menteeId),
                        scored ? reads.weightsOf(tenant).map(own::weightsOr) : Uni.createFrom().item(Weights.DEFAULT)).asTuple()
                        .map(t -> list(t.getItem1(), t.getItem2(), t.getItem3(), scored ? me : null, program, own, inProgram, filters, only, at));
            });
        }));
    }

    private static List<Entry> list(MentorPools.Pool pool, RecommendationReads.Places places, Weights weights, Participant mentee,
            RecommendationReads.ProgramMentors program, ProgramRules.MatchingSettings own, Set<UUID> inProgram, Filters filters, UUID only,
            Instant at) {
        Map<UUID, Integer> left = new HashMap<>();
        List<MatchRules.Prepared> candidates = new ArrayList<>();
        for (MatchRules.Prepared prepared : pool.prepared().mentors()) {
            UUID id = prepared.profile().id();
            Participant p = pool.byId().get(id);
            if ((only != null && !only.equals(id)) || (inProgram != null && !inProgram.contains(id))
                    || (mentee != null && mentee.id.equals(id))) {
                continue;
            }
            int placesLeft = p.mentorAccepting ? program.placesLeft(id, Math.max(0, p.mentorCapacity - places.takenByMentor().getOrDefault(id, 0))) : 0;
            if (!passes(p, placesLeft, filters, mentee, at)) {
                continue;
            }
            left.put(id, placesLeft);
            candidates.add(prepared);
        }
        List<Entry> entries = new ArrayList<>(candidates.size());
        if (mentee == null) {
            candidates.stream().map(c -> pool.byId().get(c.profile().id()))
                    .sorted(Comparator.comparing((Participant p) -> p.displayName.toLowerCase(Locale.ROOT)).thenComparing(p -> p.id))
                    .forEach(p -> entries.add(new Entry(p, left.get(p.id), null, null)));
            return entries;
        }
        MatchRules.Prepared preparedMentee = pool.prepared().mentee(MentorRecommendations.inProgram(mentee, program, own));
        Recommendations.Result result = Recommendations.forPrepared(preparedMentee, candidates,
                m -> left.getOrDefault(m.id(), 0), places.endedWith(), weights, candidates.size(), true);
        // the eligible best first, then those a rule keeps apart, by name
        result.recommended().forEach(r -> entries.add(new Entry(pool.byId().get(r.mentor().id()), left.get(r.mentor().id()),
                r.score(), null)));
        result.excluded().stream().sorted(Comparator.comparing(e -> pool.byId().get(e.mentor().id()).displayName.toLowerCase(Locale.ROOT)))
                .forEach(e -> entries.add(new Entry(pool.byId().get(e.mentor().id()), left.get(e.mentor().id()), null, e.rule())));
        return entries;
    }

    /** Whether a mentor passes every filter given. */
    static boolean passes(Participant p, int placesLeft, Filters f, Participant mentee, Instant at) {
        if (f.skill() != null && java.util.Arrays.stream(p.skills).noneMatch(s -> s.split(":", 2)[0].equalsIgnoreCase(f.skill()))) {
            return false;
        }
        if (f.industry() != null && java.util.Arrays.stream(p.industries).noneMatch(i -> i.equalsIgnoreCase(f.industry()))) {
            return false;
        }
        if (f.language() != null && java.util.Arrays.stream(p.languages).noneMatch(l -> l.equalsIgnoreCase(f.language()))) {
            return false;
        }
        if (f.style() != null && !(f.style().equals(String.valueOf(p.leadershipStyle)) || f.style().equals(String.valueOf(p.communicationStyle)))) {
            return false;
        }
        if (Boolean.TRUE.equals(f.hasPlaces()) && placesLeft == 0) {
            return false;
        }
        if (f.maxHoursApart() != null && mentee != null && (p.timeZone == null || mentee.timeZone == null
                || hoursApart(p.timeZone, mentee.timeZone, at) > f.maxHoursApart())) {
            return false;
        }
        if (f.text() != null) {
            String needle = f.text().toLowerCase(Locale.ROOT);
            StringBuilder hay = new StringBuilder(p.displayName).append('\n').append(p.mentorBio == null ? "" : p.mentorBio);
            for (String[] words : List.of(p.expertise, p.mentorWouldMentorIn, p.skills, p.industries)) {
                for (String word : words) {
                    hay.append('\n').append(word);
                }
            }
            return hay.toString().toLowerCase(Locale.ROOT).contains(needle);
        }
        return true;
    }

    /** Hours between two zones' clocks now, the short way round the day. */
    static double hoursApart(String a, String b, Instant at) {
        double hours = Math.abs(ZoneId.of(a).getRules().getOffset(at).getTotalSeconds()
                - ZoneId.of(b).getRules().getOffset(at).getTotalSeconds()) / 3600.0;
        return Math.min(hours, 24 - hours);
    }
}
