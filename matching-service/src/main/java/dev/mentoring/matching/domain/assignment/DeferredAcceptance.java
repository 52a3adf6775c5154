package dev.mentoring.matching.domain.assignment;

import java.util.Arrays;

/**
 * Mentee-proposing deferred acceptance (Gale-Shapley) with mentor capacities, over each mentee's whole list of
 * eligible mentors: every mentee proposes from most to least wanted until a mentor holds it or its list is
 * used up; a mentor holds its best proposals up to its capacity and rejects the rest. The result is stable over
 * all the given pairs (no mentee and mentor would both rather have each other) and the best stable result for
 * every mentee.
 * <p>
 * A mentee's list is ordered lazily, in chunks: its first choice by one scan of the list, the next few by bounded
 * scans, and the whole rest sorted only for a mentee rejected that often, so a mentee held early costs a scan or two,
 * not a sort. The mentor's view of a pair is asked only when the pair is proposed.
 */
public final class DeferredAcceptance {

    private DeferredAcceptance() {
    }

    /** For each mentee the index of its mentor, or -1. */
    public static int[] solve(BipartiteCandidates pairs, Preferences preferences) {
        int n = pairs.mentees();
        int m = pairs.mentors();
        int[] capacity = new int[m];
        int[] slotStart = new int[m + 1];
        for (int j = 0; j < m; j++) {
            capacity[j] = Math.max(0, Math.min(n, pairs.capacity(j)));
            slotStart[j + 1] = slotStart[j] + capacity[j];
        }
        // each mentor's held mentees as a min-heap of rank keys (worst on top), in its own slots
        long[] heldKey = new long[slotStart[m]];
        int[] heldMentee = new int[slotStart[m]];
        int[] load = new int[m];
        int[] mentorOf = new int[n];
        Arrays.fill(mentorOf, -1);
        MenteeLists lists = new MenteeLists(pairs, preferences);
        int[] free = new int[n];
        int freeCount = 0;
        for (int i = n - 1; i >= 0; i--) {
            free[freeCount++] = i;
        }
        while (freeCount > 0) {
            int i = free[--freeCount];
            while (true) {
                int k = lists.next(i);
                if (k < 0) {
                    break; // proposed to every eligible mentor: stays unmatched
                }
                int j = pairs.mentorsOf(i)[k];
                if (capacity[j] == 0) {
                    continue;
                }
                long key = Preferences.rankKey(preferences.mentorWants(i, k), i);
                int base = slotStart[j];
                if (load[j] < capacity[j]) {
                    siftUp(heldKey, heldMentee, base, load[j]++, key, i);
                    mentorOf[i] = j;
                    break;
                }
                if (key > heldKey[base]) {
                    int rejected = heldMentee[base];
                    mentorOf[rejected] = -1;
                    free[freeCount++] = rejected;
                    siftDown(heldKey, heldMentee, base, load[j], key, i);
                    mentorOf[i] = j;
                    break;
                }
            }
        }
        return mentorOf;
    }

    private static void siftUp(long[] keys, int[] mentees, int base, int at, long key, int mentee) {
        while (at > 0) {
            int up = (at - 1) >>> 1;
            if (keys[base + up] <= key) {
                break;
            }
            keys[base + at] = keys[base + up];
            mentees[base + at] = mentees[base + up];
            at = up;
        }
        keys[base + at] = key;
        mentees[base + at] = mentee;
    }

    /** Replaces the top (the worst held) with a new mentee. */
    private static void siftDown(long[] keys, int[] mentees, int base, int size, long key, int mentee) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[base + child + 1] < keys[base + child]) {
                child++;
            }
            if (keys[base + child] >= key) {
                break;
            }
            keys[base + at] = keys[base + child];
            mentees[base + at] = mentees[base + child];
            at = child;
        }
        keys[base + at] = key;
        mentees[base + at] = mentee;
    }

    /**
     * Each mentee's list in its own order of preference, produced on demand in chunks: its first choice by one scan of
     * the list (most mentees are held there), then the next 16 and the next 64 by bounded scans, and only then the rest
     * sorted once. An order key is the mentee's view, then the mentor's place in the list by mentor index (the
     * position itself when the list is in mentor order, as cohort runs build it).
     */
    private static final class MenteeLists {
        private static final int[] CHUNKS = { 1, 16, 64 };
        private static final long[] EMPTY = {};
        private final BipartiteCandidates pairs;
        private final Preferences preferences;
        private final long[] last; // the order key last handed out
        private final int[] stage;
        private final long[][] chunk; // descending
        private final int[] taken;
        private final int[][] positionByPlace; // null while the list is in mentor order
        private final int[][] placeOfPosition;

        MenteeLists(BipartiteCandidates pairs, Preferences preferences) {
            this.pairs = pairs;
            this.preferences = preferences;
            int n = pairs.mentees();
            last = new long[n];
            Arrays.fill(last, Long.MAX_VALUE);
            stage = new int[n];
            chunk = new long[n][];
            Arrays.fill(chunk, EMPTY);
            taken = new int[n];
            positionByPlace = new int[n][];
            placeOfPosition = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] mentors = pairs.mentorsOf(i);
                for (int k = 1; k < mentors.length; k++) {
                    if (mentors[k - 1] >= mentors[k]) {
                        positionByPlace[i] = byMentor(mentors);
                        placeOfPosition[i] = new int[mentors.length];
                        for (int place = 0; place < mentors.length; place++) {
                            placeOfPosition[i][positionByPlace[i][place]] = place;
                        }
                        break;
                    }
                }
            }
        }

        /** The position of the mentee's best mentor not yet proposed to, or -1. */
        int next(int i) {
            if (taken[i] == chunk[i].length) {
                refill(i);
                if (chunk[i].length == 0) {
                    return -1;
                }
            }
            long key = chunk[i][taken[i]++];
            last[i] = key;
            int place = Integer.MAX_VALUE - (int) key;
            return positionByPlace[i] == null ? place : positionByPlace[i][place];
        }

        /** The next chunk: the largest keys below the last one handed out, descending. */
        private void refill(int i) {
            int[] mentors = pairs.mentorsOf(i);
            long below = last[i];
            int want = stage[i] < CHUNKS.length ? CHUNKS[stage[i]++] : mentors.length;
            long[] best = new long[Math.min(want, mentors.length)];
            int size = 0;
            for (int k = 0; k < mentors.length; k++) {
                long key = key(i, k);
                if (key >= below) {
                    continue; // proposed to already
                }
                if (want >= mentors.length) {
                    best[size++] = key;
                } else if (size < best.length || key > best[size - 1]) {
                    // bounded insertion, descending
                    int at = size < best.length ? size++ : size - 1;
                    while (at > 0 && best[at - 1] < key) {
                        best[at] = best[at - 1];
                        at--;
                    }
                    best[at] = key;
                }
            }
            long[] filled = size == best.length ? best : Arrays.copyOf(best, size);
            if (want >= mentors.length) {
                Arrays.sort(filled);
                for (int a = 0, b = size - 1; a < b; a++, b--) {
                    long swap = filled[a];
                    filled[a] = filled[b];
                    filled[b] = swap;
                }
            }
            chunk[i] = filled;
            taken[i] = 0;
        }

        private long key(int i, int k) {
            int place = positionByPlace[i] == null ? k : placeOfPosition[i][k];
            return (long) preferences.menteeWants(i, k) << 32 | (Integer.MAX_VALUE - place);
        }

        /** Positions ordered by their mentor index. */
        private static int[] byMentor(int[] mentors) {
            long[] order = new long[mentors.length];
            for (int k = 0; k < mentors.length; k++) {
                order[k] = (long) mentors[k] << 32 | k;
            }
            Arrays.sort(order);
            int[] positions = new int[mentors.length];
            for (int place = 0; place < mentors.length; place++) {
                positions[place] = (int) order[place];
            }
            return positions;
        }
    }
}
