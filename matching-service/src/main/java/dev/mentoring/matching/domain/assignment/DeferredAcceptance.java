package dev.mentoring.matching.domain.assignment;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * Mentee-proposing deferred acceptance (Gale-Shapley) with mentor capacities: every mentee proposes to
 * its candidate mentors from most to least wanted; a mentor holds its best proposals up to capacity and
 * rejects the rest. The result is stable (no mentee and mentor would both rather have each other) and
 * the best stable result for every mentee. Runs in time linear in the number of candidate pairs
 * (times the log of a capacity).
 */
public final class DeferredAcceptance {

    private DeferredAcceptance() {
    }

    /** For each mentee the index of its mentor, or -1. */
    public static int[] solve(BipartiteCandidates candidates, Preferences preferences) {
        int n = candidates.mentees();
        int m = candidates.mentors();
        Integer[][] order = new Integer[n][];
        for (int i = 0; i < n; i++) {
            int mentee = i;
            Integer[] ks = new Integer[candidates.mentorsOf(i).length];
            for (int k = 0; k < ks.length; k++) {
                ks[k] = k;
            }
            Arrays.sort(ks, (a, b) -> Preferences.better(preferences.menteeWants(mentee, a), candidates.mentorsOf(mentee)[a],
                    preferences.menteeWants(mentee, b), candidates.mentorsOf(mentee)[b]) ? -1 : a.equals(b) ? 0 : 1);
            order[i] = ks;
        }
        int[] nextChoice = new int[n];
        int[] mentorOf = new int[n];
        int[] heldValue = new int[n]; // the mentor's view of the mentee it holds
        Arrays.fill(mentorOf, -1);
        // each mentor's held mentees, worst on top
        @SuppressWarnings("unchecked")
        PriorityQueue<Integer>[] held = new PriorityQueue[m];
        Comparator<Integer> worstFirst = (a, b) -> Preferences.better(heldValue[a], a, heldValue[b], b) ? 1 : a.equals(b) ? 0 : -1;
        Deque<Integer> free = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            free.add(i);
        }
        while (!free.isEmpty()) {
            int i = free.poll();
            if (nextChoice[i] >= order[i].length) {
                continue; // proposed to every candidate: stays unmatched
            }
            int k = order[i][nextChoice[i]++];
            int j = candidates.mentorsOf(i)[k];
            if (candidates.capacity(j) <= 0) {
                free.add(i);
                continue;
            }
            if (held[j] == null) {
                held[j] = new PriorityQueue<>(worstFirst);
            }
            heldValue[i] = preferences.mentorWants(i, k);
            if (held[j].size() < candidates.capacity(j)) {
                held[j].add(i);
                mentorOf[i] = j;
            } else {
                int worst = held[j].peek();
                if (Preferences.better(heldValue[i], i, heldValue[worst], worst)) {
                    held[j].poll();
                    mentorOf[worst] = -1;
                    free.add(worst);
                    held[j].add(i);
                    mentorOf[i] = j;
                } else {
                    free.add(i);
                }
            }
        }
        return mentorOf;
    }
}
