package dev.mentoring.matching.domain.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The blocking pairs of an assignment: a candidate mentee and mentor who would both rather have each
 * other than what they got (the mentee wants the mentor more than its own, or has none; the mentor has
 * room, or wants the mentee more than one it holds). None means the assignment is stable.
 */
public final class BlockingPairs {

    /** One blocking pair, by index. */
    public record Pair(int mentee, int mentor) {
    }

    /** How many there are, and up to {@code limit} of them. */
    public record Found(int count, List<Pair> examples) {
    }

    private BlockingPairs() {
    }

    public static Found find(BipartiteCandidates candidates, Preferences preferences, int[] mentorOf, int limit) {
        int n = candidates.mentees();
        int m = candidates.mentors();
        int[] load = new int[m];
        int[] menteeValueOfOwn = new int[n];
        int[] worstValue = new int[m];
        int[] worstIndex = new int[m];
        Arrays.fill(worstValue, Integer.MAX_VALUE);
        Arrays.fill(worstIndex, -1);
        for (int i = 0; i < n; i++) {
            int j = mentorOf[i];
            if (j < 0) {
                continue;
            }
            load[j]++;
            int[] mentors = candidates.mentorsOf(i);
            for (int k = 0; k < mentors.length; k++) {
                if (mentors[k] == j) {
                    menteeValueOfOwn[i] = preferences.menteeWants(i, k);
                    int value = preferences.mentorWants(i, k);
                    if (worstIndex[j] < 0 || Preferences.better(worstValue[j], worstIndex[j], value, i)) {
                        worstValue[j] = value;
                        worstIndex[j] = i;
                    }
                }
            }
        }
        int count = 0;
        List<Pair> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int own = mentorOf[i];
            int[] mentors = candidates.mentorsOf(i);
            for (int k = 0; k < mentors.length; k++) {
                int j = mentors[k];
                if (j == own || candidates.capacity(j) <= 0) {
                    continue;
                }
                boolean menteeWould = own < 0 || Preferences.better(preferences.menteeWants(i, k), j, menteeValueOfOwn[i], own);
                boolean mentorWould = load[j] < candidates.capacity(j)
                        || Preferences.better(preferences.mentorWants(i, k), i, worstValue[j], worstIndex[j]);
                if (menteeWould && mentorWould) {
                    count++;
                    if (examples.size() < limit) {
                        examples.add(new Pair(i, j));
                    }
                }
            }
        }
        return new Found(count, examples);
    }
}
