package dev.mentoring.matching.domain.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small random cohorts for the solver tests: a builder of candidates and preferences from a seed. */
final class RandomCohorts {

    private RandomCohorts() {
    }

    record Cohort(BipartiteCandidates candidates, Preferences preferences) {
    }

    static Cohort of(long seed, int maxMentees, int maxMentors) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(maxMentees);
        int m = 1 + random.nextInt(maxMentors);
        int[] capacity = new int[m];
        for (int j = 0; j < m; j++) {
            capacity[j] = random.nextInt(4);
        }
        return build(random, n, capacity, 0.7, new int[m]);
    }

    /**
     * Most mentees share the same favourites: every pair's weight and the mentee's view lean on one popularity per
     * mentor, so the same few mentors top nearly every list; capacities 1-2.
     */
    static Cohort sharedFavourites(long seed, int maxMentees, int maxMentors) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(maxMentees);
        int m = 1 + random.nextInt(maxMentors);
        int[] capacity = new int[m];
        int[] popularity = new int[m];
        for (int j = 0; j < m; j++) {
            capacity[j] = 1 + random.nextInt(2);
            popularity[j] = j < Math.max(1, m / 3) ? 60 + random.nextInt(30) : 1 + random.nextInt(30);
        }
        return build(random, n, capacity, 0.9, popularity);
    }

    private static Cohort build(Random random, int n, int[] capacity, double density, int[] popularity) {
        int m = capacity.length;
        int[][] mentors = new int[n][];
        int[][] weights = new int[n][];
        int[][] menteeView = new int[n][];
        int[][] mentorView = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> list = new ArrayList<>();
            for (int j = 0; j < m; j++) {
                if (random.nextDouble() < density) {
                    list.add(j);
                }
            }
            mentors[i] = list.stream().mapToInt(Integer::intValue).toArray();
            weights[i] = new int[list.size()];
            menteeView[i] = new int[list.size()];
            mentorView[i] = new int[list.size()];
            for (int k = 0; k < list.size(); k++) {
                int j = list.get(k);
                weights[i][k] = 1 + popularity[j] + random.nextInt(popularity[j] > 0 ? 10 : 100);
                menteeView[i][k] = popularity[j] + random.nextInt(20);
                mentorView[i][k] = random.nextInt(20);
            }
        }
        return new Cohort(new BipartiteCandidates(n, capacity, mentors, weights), new Preferences(menteeView, mentorView));
    }

    /** The mentees' view as a dense table [mentee][mentor]. */
    static int[][] menteeViews(Cohort cohort) {
        return dense(cohort, true);
    }

    /** The mentors' view as a dense table [mentee][mentor]. */
    static int[][] mentorViews(Cohort cohort) {
        return dense(cohort, false);
    }

    private static int[][] dense(Cohort cohort, boolean mentee) {
        BipartiteCandidates pairs = cohort.candidates();
        int[][] table = new int[pairs.mentees()][pairs.mentors()];
        for (int i = 0; i < pairs.mentees(); i++) {
            for (int k = 0; k < pairs.mentorsOf(i).length; k++) {
                table[i][pairs.mentorsOf(i)[k]] = mentee ? cohort.preferences().menteeWants(i, k)
                        : cohort.preferences().mentorWants(i, k);
            }
        }
        return table;
    }

    static long total(BipartiteCandidates candidates, int[] mentorOf) {
        long total = 0;
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                total += candidates.weight(i, mentorOf[i]);
            }
        }
        return total;
    }

    static boolean feasible(BipartiteCandidates candidates, int[] mentorOf) {
        int[] load = new int[candidates.mentors()];
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                if (candidates.weight(i, mentorOf[i]) < 0) {
                    return false;
                }
                load[mentorOf[i]]++;
            }
        }
        for (int j = 0; j < load.length; j++) {
            if (load[j] > candidates.capacity(j)) {
                return false;
            }
        }
        return true;
    }
}
