package dev.mentoring.matching.domain.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The blocking pairs of an assignment among all the given (eligible) pairs: a mentee and mentor who would both
 * rather have each other than what they got (the mentee wants the mentor more than its own, or has none; the
 * mentor has room, or wants the mentee more than the worst one it holds). None means the assignment is stable.
 * <p>
 * Each mentor's worst held mentee is found once; then each mentee looks only at the mentors it prefers to its
 * own, and asks a mentor's view only when that mentor is full. Mentees are checked in parallel.
 */
public final class BlockingPairs {

    /** One blocking pair, by index. */
    public record Pair(int mentee, int mentor) {
    }

    /** How many there are, and up to {@code limit} of them (the lowest mentee indexes first). */
    public record Found(int count, List<Pair> examples) {
    }

    private BlockingPairs() {
    }

    public static Found find(BipartiteCandidates pairs, Preferences preferences, int[] mentorOf, int limit) {
        int n = pairs.mentees();
        int m = pairs.mentors();
        int[] own = new int[n]; // the position of each mentee's own mentor in its list, or -1
        long[] ownKey = new long[n]; // how its mentor ranks it
        IntStream.range(0, n).parallel().forEach(i -> {
            own[i] = -1;
            if (mentorOf[i] >= 0) {
                int[] mentors = pairs.mentorsOf(i);
                for (int k = 0; k < mentors.length; k++) {
                    if (mentors[k] == mentorOf[i]) {
                        own[i] = k;
                        ownKey[i] = Preferences.rankKey(preferences.mentorWants(i, k), i);
                        break;
                    }
                }
                if (own[i] < 0) {
                    throw new IllegalArgumentException("mentee " + i + " is assigned a mentor it has no pair with");
                }
            }
        });
        int[] load = new int[m];
        long[] worstHeld = new long[m];
        Arrays.fill(worstHeld, Long.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            if (mentorOf[i] >= 0) {
                load[mentorOf[i]]++;
                worstHeld[mentorOf[i]] = Math.min(worstHeld[mentorOf[i]], ownKey[i]);
            }
        }
        int[] blockingOf = new int[n];
        IntStream.range(0, n).parallel().forEach(i -> blockingOf[i] = count(pairs, preferences, mentorOf, own, load, worstHeld, i, null));
        int count = 0;
        List<Pair> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            count += blockingOf[i];
            if (blockingOf[i] > 0 && examples.size() < limit) {
                List<Pair> ofMentee = new ArrayList<>();
                count(pairs, preferences, mentorOf, own, load, worstHeld, i, ofMentee);
                examples.addAll(ofMentee.subList(0, Math.min(ofMentee.size(), limit - examples.size())));
            }
        }
        return new Found(count, examples);
    }

    private static int count(BipartiteCandidates pairs, Preferences preferences, int[] mentorOf, int[] own, int[] load,
            long[] worstHeld, int i, List<Pair> found) {
        int[] mentors = pairs.mentorsOf(i);
        int ownMentor = mentorOf[i];
        int ownValue = own[i] < 0 ? 0 : preferences.menteeWants(i, own[i]);
        int count = 0;
        for (int k = 0; k < mentors.length; k++) {
            int j = mentors[k];
            if (j == ownMentor || pairs.capacity(j) <= 0) {
                continue;
            }
            if (ownMentor >= 0 && !Preferences.better(preferences.menteeWants(i, k), j, ownValue, ownMentor)) {
                continue; // the mentee would rather keep its own
            }
            if (load[j] < pairs.capacity(j) || Preferences.rankKey(preferences.mentorWants(i, k), i) > worstHeld[j]) {
                count++;
                if (found != null) {
                    found.add(new Pair(i, j));
                }
            }
        }
        return count;
    }
}
