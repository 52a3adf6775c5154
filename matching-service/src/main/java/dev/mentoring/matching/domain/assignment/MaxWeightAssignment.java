package dev.mentoring.matching.domain.assignment;

import java.util.Arrays;

/**
 * The exact maximum-total-weight assignment of mentees to mentors over every eligible pair: each mentee gets
 * at most one mentor, each mentor at most its capacity, nobody has to be matched. Weights are positive
 * integers (a match score in tenths), so every figure below is exact integer arithmetic.
 *
 * <h2>Certificate</h2>
 * The solver keeps a price {@code u[i] >= 0} per mentee and {@code v[j] >= 0} per mentor and stops only when
 * <ol>
 * <li>(feasible) {@code u[i] + v[j] >= w(i, j)} for <em>every</em> eligible pair;</li>
 * <li>(tight) {@code u[i] + v[j] == w(i, j)} for every pair it assigns;</li>
 * <li>an unmatched mentee has {@code u[i] == 0}, and a mentor with a free place has {@code v[j] == 0}.</li>
 * </ol>
 * Then the assignment is optimal over all eligible pairs. Its total is
 * {@code sum over assigned (u[i] + v[j]) = sum u + sum c[j] v[j]} (by 2 and 3), while any other feasible
 * assignment {@code x} has total {@code sum w x <= sum (u[i] + v[j]) x <= sum u + sum c[j] v[j]} (by 1, then
 * at most one mentor per mentee and at most {@code c[j]} mentees per mentor, and prices are non-negative):
 * weak LP duality, with nothing rounded.
 *
 * <h2>Sparse start, then pricing</h2>
 * Scoring every pair is cheap, solving over all of them is not, so the solver starts from a sparse set
 * {@code S}: each mentee's {@code initialPerMentee} heaviest pairs. Conditions 1-3 are kept over {@code S}
 * by shortest augmenting paths (Hungarian method, Dijkstra on the reduced costs
 * {@code u[i] + v[j] - w(i, j) >= 0}). Then every eligible pair outside {@code S} is priced: a pair with
 * {@code w(i, j) > u[i] + v[j]} (negative reduced cost) breaks condition 1, so the most violated few of each
 * mentee join {@code S} and the solve resumes <em>from the current prices and assignment</em> (warm start):
 * the mentee's price rises to cover its new pairs, it leaves its mentor if that pair is no longer tight, and
 * only the mentees and mentors that broke condition 2 or 3 are searched again. A round adds at least one pair
 * to a finite set, so pricing ends; when it finds no violator, condition 1 holds over every eligible pair and
 * the certificate above proves the result optimal. The sparse start only decides how fast, never what.
 *
 * <h2>The two searches</h2>
 * <ul>
 * <li>A <em>mentee</em> without a mentor whose price is still positive: Dijkstra from it, mentee to mentor over
 * non-assigned pairs at their reduced cost, mentor to its assigned mentees at 0. It ends at a mentor with a
 * free place (cost = distance) or at a mentee that gives up its mentor (cost = distance + its price). Prices
 * of the settled nodes move by {@code delta - distance} (mentees down, mentors up), which keeps 1 and makes the
 * path tight; the path is then shifted.</li>
 * <li>A <em>mentor</em> with a free place whose price is still positive (left by a mentee that gained a pair):
 * the mirror image, mentor to mentee over non-assigned pairs, a mentee to its own mentor at 0, a mentor to its
 * assigned mentees at 0. It ends at a mentee without a mentor or at a mentor whose price drops to 0.</li>
 * </ul>
 * A mentee search never leaves a mentor with a free place and a positive price; a mentor search never leaves a
 * mentee without a mentor and a positive price; so one pass of each per round restores 2 and 3.
 */
public final class MaxWeightAssignment {

    /**
     * The assignment and the prices that prove it optimal. {@code rounds} counts the pricing rounds that
     * added pairs; {@code pairsSolvedOver} is the size of the sparse set at the end.
     */
    public record Result(int[] mentorOf, long[] menteePrice, long[] mentorPrice, int rounds, int pairsSolvedOver) {
    }

    private MaxWeightAssignment() {
    }

    /** For each mentee the index of its mentor, or -1: the optimum over all the given pairs. */
    public static int[] solve(BipartiteCandidates pairs) {
        return solve(pairs, Integer.MAX_VALUE).mentorOf();
    }

    /**
     * The optimum over all the given pairs, starting from each mentee's {@code initialPerMentee} heaviest pairs
     * and pricing the rest in (a tuning knob: it changes the time, not the result).
     */
    public static Result solve(BipartiteCandidates pairs, int initialPerMentee) {
        int n = pairs.mentees();
        for (int i = 0; i < n; i++) {
            for (int w : pairs.weightsOf(i)) {
                if (w <= 0) {
                    throw new IllegalArgumentException("weights must be positive");
                }
            }
        }
        int perMentee = Math.max(1, initialPerMentee);
        int addPerRound = Math.max(1, Math.min(perMentee, 10));
        Solver solver = new Solver(pairs);
        for (int i = 0; i < n; i++) {
            solver.addInitial(i, heaviest(pairs, i, perMentee));
        }
        solver.resolve();
        int rounds = 0;
        while (solver.priceIn(addPerRound)) {
            rounds++;
            solver.resolve();
        }
        return new Result(solver.mentorOf.clone(), solver.u.clone(), solver.v.clone(), rounds, solver.pairs);
    }

    /** Positions of the mentee's {@code limit} heaviest pairs (ties: lower mentor index). */
    private static int[] heaviest(BipartiteCandidates pairs, int mentee, int limit) {
        int[] mentors = pairs.mentorsOf(mentee);
        int[] weights = pairs.weightsOf(mentee);
        if (mentors.length <= limit) {
            int[] all = new int[mentors.length];
            Arrays.setAll(all, k -> k);
            return all;
        }
        Largest best = new Largest(limit);
        for (int k = 0; k < mentors.length; k++) {
            best.offer((long) weights[k] << 31 | (Integer.MAX_VALUE - mentors[k]), k);
        }
        return Arrays.copyOf(best.positions, best.size);
    }

    /** The {@code limit} largest keys offered and their positions, kept sorted smallest first. */
    private static final class Largest {
        private final long[] keys;
        private final int[] positions;
        private int size;

        Largest(int limit) {
            keys = new long[limit];
            positions = new int[limit];
        }

        void clear() {
            size = 0;
        }

        void offer(long key, int position) {
            int at;
            if (size < keys.length) {
                at = size++;
                while (at > 0 && keys[at - 1] > key) {
                    keys[at] = keys[at - 1];
                    positions[at] = positions[at - 1];
                    at--;
                }
            } else if (key > keys[0]) {
                at = 0;
                while (at + 1 < size && keys[at + 1] < key) {
                    keys[at] = keys[at + 1];
                    positions[at] = positions[at + 1];
                    at++;
                }
            } else {
                return;
            }
            keys[at] = key;
            positions[at] = position;
        }
    }

    private static final class Solver {
        private static final int NONE = -1;

        private final BipartiteCandidates all;
        private final int n;
        private final int m;
        private final long[] u;
        private final long[] v;
        private final int[] mentorOf;
        // the sparse set S, both ways, in growable arrays
        private final int[][] outMentor;
        private final int[][] outWeight;
        private final int[] outSize;
        private final int[][] inMentee;
        private final int[][] inWeight;
        private final int[] inSize;
        private int pairs;
        // assigned mentees of each mentor in slots start[j] .. start[j] + load[j]
        private final int[] slotStart;
        private final int[] slots;
        private final int[] slotOf;
        private final int[] load;
        // search state: nodes 0..n-1 are mentees, n..n+m-1 mentors
        private final long[] dist;
        private final int[] parent;
        private final int[] reached;
        private final int[] settled;
        private final int[] settledList;
        private final int[] pathMentees;
        private int settledCount;
        private int stamp;
        private final Heap heap;
        // what a pricing round left to repair
        private final int[] pendingMentees;
        private int pendingMenteeCount;
        private final int[] pendingMentors;
        private int pendingMentorCount;
        private final boolean[] mentorPending;

        Solver(BipartiteCandidates all) {
            this.all = all;
            this.n = all.mentees();
            this.m = all.mentors();
            u = new long[n];
            v = new long[m];
            mentorOf = new int[n];
            Arrays.fill(mentorOf, NONE);
            outMentor = new int[n][];
            outWeight = new int[n][];
            outSize = new int[n];
            inMentee = new int[m][];
            inWeight = new int[m][];
            inSize = new int[m];
            for (int j = 0; j < m; j++) {
                inMentee[j] = new int[4];
                inWeight[j] = new int[4];
            }
            slotStart = new int[m + 1];
            for (int j = 0; j < m; j++) {
                slotStart[j + 1] = slotStart[j] + capacity(j);
            }
            slots = new int[slotStart[m]];
            slotOf = new int[n];
            load = new int[m];
            dist = new long[n + m];
            parent = new int[n + m];
            reached = new int[n + m];
            settled = new int[n + m];
            settledList = new int[n + m];
            pathMentees = new int[n];
            heap = new Heap(16);
            pendingMentees = new int[n];
            pendingMentors = new int[m];
            mentorPending = new boolean[m];
        }

        /** Places of a mentor; more than the cohort has mentees would never fill. */
        private int capacity(int j) {
            return Math.max(0, Math.min(n, all.capacity(j)));
        }

        /** The mentee's initial pairs, its price the heaviest of them: condition 1 holds with every v = 0. */
        void addInitial(int i, int[] positions) {
            outMentor[i] = new int[Math.max(4, positions.length)];
            outWeight[i] = new int[outMentor[i].length];
            long top = 0;
            for (int k : positions) {
                int w = all.weightsOf(i)[k];
                addPair(i, all.mentorsOf(i)[k], w);
                top = Math.max(top, w);
            }
            u[i] = top;
            if (top > 0) {
                pendingMentees[pendingMenteeCount++] = i;
            }
        }

        private void addPair(int i, int j, int w) {
            if (outSize[i] == outMentor[i].length) {
                outMentor[i] = Arrays.copyOf(outMentor[i], outSize[i] * 2);
                outWeight[i] = Arrays.copyOf(outWeight[i], outSize[i] * 2);
            }
            outMentor[i][outSize[i]] = j;
            outWeight[i][outSize[i]++] = w;
            if (inSize[j] == inMentee[j].length) {
                inMentee[j] = Arrays.copyOf(inMentee[j], inSize[j] * 2);
                inWeight[j] = Arrays.copyOf(inWeight[j], inSize[j] * 2);
            }
            inMentee[j][inSize[j]] = i;
            inWeight[j][inSize[j]++] = w;
            pairs++;
        }

        /**
         * Prices every eligible pair; adds up to {@code perMentee} of each mentee's most violated pairs to S and
         * repairs the prices and assignment they break. False when no pair violates: the result is optimal.
         */
        boolean priceIn(int perMentee) {
            boolean any = false;
            Largest violators = new Largest(perMentee);
            for (int i = 0; i < n; i++) {
                int[] mentors = all.mentorsOf(i);
                int[] weights = all.weightsOf(i);
                long ui = u[i];
                violators.clear();
                for (int k = 0; k < mentors.length; k++) {
                    long violation = weights[k] - ui - v[mentors[k]];
                    if (violation > 0) { // pairs of S never violate: condition 1 is kept over S
                        violators.offer(violation, k);
                    }
                }
                int found = violators.size;
                if (found == 0) {
                    continue;
                }
                any = true;
                long price = ui;
                for (int r = 0; r < found; r++) {
                    int k = violators.positions[r];
                    addPair(i, mentors[k], weights[k]);
                    price = Math.max(price, weights[k] - v[mentors[k]]);
                }
                u[i] = price; // > ui: the most violated pair is now tight, every pair of i feasible
                int own = mentorOf[i];
                if (own != NONE) {
                    unassign(i); // its pair is no longer tight
                    if (v[own] > 0 && !mentorPending[own]) {
                        mentorPending[own] = true;
                        pendingMentors[pendingMentorCount++] = own;
                    }
                }
                pendingMentees[pendingMenteeCount++] = i;
            }
            return any;
        }

        /** Restores conditions 2 and 3 over S, leaving 1 intact. */
        void resolve() {
            for (int p = 0; p < pendingMenteeCount; p++) {
                int i = pendingMentees[p];
                if (mentorOf[i] == NONE && u[i] > 0) {
                    searchFromMentee(i);
                }
            }
            pendingMenteeCount = 0;
            for (int p = 0; p < pendingMentorCount; p++) {
                int j = pendingMentors[p];
                mentorPending[j] = false;
                while (load[j] < capacity(j) && v[j] > 0) {
                    searchFromMentor(j); // fills one place or brings the price to 0
                }
            }
            pendingMentorCount = 0;
        }

        private void assign(int i, int j) {
            int slot = slotStart[j] + load[j]++;
            slots[slot] = i;
            slotOf[i] = slot;
            mentorOf[i] = j;
        }

        private void unassign(int i) {
            int j = mentorOf[i];
            int last = slotStart[j] + --load[j];
            int slot = slotOf[i];
            slots[slot] = slots[last];
            slotOf[slots[slot]] = slot;
            mentorOf[i] = NONE;
        }

        private void begin(int root) {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(reached, 0);
                Arrays.fill(settled, 0);
                stamp = 1;
            }
            settledCount = 0;
            heap.clear();
            reach(root, 0, NONE);
        }

        private void reach(int node, long d, int from) {
            if (reached[node] != stamp || d < dist[node]) {
                reached[node] = stamp;
                dist[node] = d;
                parent[node] = from;
                heap.push(d, node << 1);
            }
        }

        private void settle(int node) {
            settled[node] = stamp;
            settledList[settledCount++] = node;
        }

        /** Shortest augmenting path from a mentee with no mentor and a positive price. */
        private void searchFromMentee(int root) {
            begin(root);
            long delta;
            int exit;
            while (true) {
                long d = heap.topKey();
                int item = heap.pop();
                int node = item >>> 1;
                if ((item & 1) == 1) {
                    delta = d;
                    exit = node;
                    break;
                }
                if (settled[node] == stamp || d > dist[node]) {
                    continue;
                }
                settle(node);
                if (node < n) {
                    int i = node;
                    heap.push(d + u[i], i << 1 | 1); // give up its mentor
                    int own = mentorOf[i];
                    int[] mentors = outMentor[i];
                    int[] weights = outWeight[i];
                    long ui = u[i];
                    for (int k = 0, size = outSize[i]; k < size; k++) {
                        int j = mentors[k];
                        if (j != own && settled[n + j] != stamp) {
                            reach(n + j, d + ui + v[j] - weights[k], i);
                        }
                    }
                } else {
                    int j = node - n;
                    if (load[j] < capacity(j)) {
                        heap.push(d, node << 1 | 1); // a free place
                    } else {
                        for (int s = slotStart[j], end = s + load[j]; s < end; s++) {
                            if (settled[slots[s]] != stamp) {
                                reach(slots[s], d, node);
                            }
                        }
                    }
                }
            }
            for (int s = 0; s < settledCount; s++) {
                int node = settledList[s];
                long change = delta - dist[node];
                if (node < n) {
                    u[node] -= change;
                } else {
                    v[node - n] += change;
                }
            }
            // shift along the path: every mentee on it moves to the mentor after it
            int mentor;
            if (exit < n) {
                if (exit == root) {
                    return; // the root stays without a mentor, its price now 0
                }
                mentor = mentorOf[exit];
                unassign(exit);
            } else {
                mentor = exit - n;
            }
            while (true) {
                int i = parent[n + mentor];
                int previous = mentorOf[i];
                if (previous != NONE) {
                    unassign(i);
                }
                assign(i, mentor);
                if (i == root) {
                    return;
                }
                mentor = previous;
            }
        }

        /** Shortest augmenting path from a mentor with a free place and a positive price. */
        private void searchFromMentor(int root) {
            begin(n + root);
            long delta;
            int exit;
            while (true) {
                long d = heap.topKey();
                int item = heap.pop();
                int node = item >>> 1;
                if ((item & 1) == 1) {
                    delta = d;
                    exit = node;
                    break;
                }
                if (settled[node] == stamp || d > dist[node]) {
                    continue;
                }
                settle(node);
                if (node >= n) {
                    int j = node - n;
                    heap.push(d + v[j], node << 1 | 1); // keep a place free
                    for (int s = slotStart[j], end = s + load[j]; s < end; s++) {
                        if (settled[slots[s]] != stamp) {
                            reach(slots[s], d, node); // its own mentees: their prices must follow
                        }
                    }
                    int[] mentees = inMentee[j];
                    int[] weights = inWeight[j];
                    long vj = v[j];
                    for (int k = 0, size = inSize[j]; k < size; k++) {
                        int i = mentees[k];
                        if (mentorOf[i] != j && settled[i] != stamp) {
                            reach(i, d + u[i] + vj - weights[k], node);
                        }
                    }
                } else {
                    int i = node;
                    int own = mentorOf[i];
                    if (own == NONE) {
                        heap.push(d, i << 1 | 1); // a mentee without a mentor takes the place
                    } else if (settled[n + own] != stamp) {
                        reach(n + own, d, i);
                    }
                }
            }
            for (int s = 0; s < settledCount; s++) {
                int node = settledList[s];
                long change = delta - dist[node];
                if (node < n) {
                    u[node] += change;
                } else {
                    v[node - n] -= change;
                }
            }
            // shift along the path: every mentee on it moves to the mentor before it, from the root on (the root
            // has the free place, and each move frees the place the next one takes)
            if (exit == n + root) {
                return; // the place stays free, its price now 0
            }
            int moves = 0;
            int mentee = exit >= n ? parent[exit] : exit;
            while (true) {
                pathMentees[moves++] = mentee;
                int target = parent[mentee];
                if (target == n + root) {
                    break;
                }
                mentee = parent[target]; // the mentee that leaves that mentor
            }
            for (int p = moves - 1; p >= 0; p--) {
                int i = pathMentees[p];
                if (mentorOf[i] != NONE) {
                    unassign(i);
                }
                assign(i, parent[i] - n);
            }
        }
    }

    /** A binary min-heap of (key, item) with lazy deletion; no allocation per operation once grown. */
    private static final class Heap {
        private long[] keys;
        private int[] items;
        private int size;

        Heap(int capacity) {
            keys = new long[capacity];
            items = new int[capacity];
        }

        void clear() {
            size = 0;
        }

        void push(long key, int item) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                items = Arrays.copyOf(items, size * 2);
            }
            int at = size++;
            while (at > 0) {
                int up = (at - 1) >>> 1;
                if (keys[up] <= key) {
                    break;
                }
                keys[at] = keys[up];
                items[at] = items[up];
                at = up;
            }
            keys[at] = key;
            items[at] = item;
        }

        long topKey() {
            return keys[0];
        }

        int pop() {
            int top = items[0];
            long key = keys[--size];
            int item = items[size];
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[at] = keys[child];
                items[at] = items[child];
                at = child;
            }
            keys[at] = key;
            items[at] = item;
            return top;
        }
    }
}
