package dev.mentoring.matching.domain.assignment;

import java.util.Arrays;

/**
 * The exact maximum-total-weight assignment of mentees to mentors: each mentee gets at most one mentor,
 * each mentor at most its capacity, over the candidate pairs only. Solved as a min-cost flow
 * (source -> mentee -> mentor -> sink, cost = -weight) by the primal-dual method: Dijkstra with
 * potentials finds the cheapest augmenting cost, then every augmenting path of that cost is used before
 * the next Dijkstra. Augmenting stops when the cheapest path would lower the total weight, which gives
 * the optimum because the cost of the best k-unit flow is convex in k. Weights must be positive.
 */
public final class MaxWeightAssignment {

    private static final long INF = Long.MAX_VALUE / 4;

    private MaxWeightAssignment() {
    }

    /** For each mentee the index of its mentor, or -1. */
    public static int[] solve(BipartiteCandidates candidates) {
        return new Network(candidates).run();
    }

    private static final class Network {
        private final BipartiteCandidates candidates;
        private final int n;
        private final int source;
        private final int sink;
        private final int nodes;
        // edges in arrays: head[node] -> first edge, next[edge] -> next edge of the same tail
        private final int[] head;
        private int[] next;
        private int[] to;
        private int[] cap;
        private long[] cost;
        private int edges;
        private final long[] potential;
        private int[] parentEdge;
        private final IndexedHeap heap;

        Network(BipartiteCandidates candidates) {
            this.candidates = candidates;
            this.n = candidates.mentees();
            int m = candidates.mentors();
            this.source = n + m;
            this.sink = n + m + 1;
            this.nodes = n + m + 2;
            this.head = new int[nodes];
            Arrays.fill(head, -1);
            int expected = 2 * (n + m + candidates.edgeCount());
            next = new int[expected];
            to = new int[expected];
            cap = new int[expected];
            cost = new long[expected];
            for (int i = 0; i < n; i++) {
                addEdge(source, i, 1, 0);
                int[] mentors = candidates.mentorsOf(i);
                int[] weights = candidates.weightsOf(i);
                for (int k = 0; k < mentors.length; k++) {
                    if (weights[k] <= 0) {
                        throw new IllegalArgumentException("weights must be positive");
                    }
                    addEdge(i, n + mentors[k], 1, -weights[k]);
                }
            }
            for (int j = 0; j < m; j++) {
                if (candidates.capacity(j) > 0) {
                    addEdge(n + j, sink, candidates.capacity(j), 0);
                }
            }
            potential = initialPotentials(m);
            heap = new IndexedHeap(nodes);
        }

        private void addEdge(int from, int target, int capacity, long edgeCost) {
            push(from, target, capacity, edgeCost);
            push(target, from, 0, -edgeCost);
        }

        private void push(int from, int target, int capacity, long edgeCost) {
            to[edges] = target;
            cap[edges] = capacity;
            cost[edges] = edgeCost;
            next[edges] = head[from];
            head[from] = edges++;
        }

        /** Shortest distances from the source in the initial (acyclic) network, so reduced costs start >= 0. */
        private long[] initialPotentials(int m) {
            long[] pot = new long[nodes];
            pot[source] = 0;
            long[] mentorPot = new long[m];
            Arrays.fill(mentorPot, 0);
            for (int i = 0; i < n; i++) {
                int[] mentors = candidates.mentorsOf(i);
                int[] weights = candidates.weightsOf(i);
                for (int k = 0; k < mentors.length; k++) {
                    mentorPot[mentors[k]] = Math.min(mentorPot[mentors[k]], -weights[k]);
                }
            }
            long sinkPot = 0;
            for (int j = 0; j < m; j++) {
                pot[n + j] = mentorPot[j];
                sinkPot = Math.min(sinkPot, mentorPot[j]);
            }
            pot[sink] = sinkPot;
            return pot;
        }

        int[] run() {
            long[] dist = new long[nodes];
            int[] current = new int[nodes];
            boolean[] dead = new boolean[nodes];
            boolean[] onPath = new boolean[nodes];
            int[] pathEdge = new int[nodes];
            parentEdge = new int[nodes];
            while (dijkstra(dist)) {
                for (int v = 0; v < nodes; v++) {
                    potential[v] += dist[v];
                }
                if (potential[sink] - potential[source] >= 0) {
                    break; // the cheapest augmenting path no longer adds weight
                }
                if (augmentAdmissible(current, dead, onPath, pathEdge) == 0) {
                    augmentAlongShortestPath();
                }
            }
            int[] mentorOf = new int[n];
            Arrays.fill(mentorOf, -1);
            for (int i = 0; i < n; i++) {
                for (int e = head[i]; e != -1; e = next[e]) {
                    int v = to[e];
                    if (v >= n && v < n + candidates.mentors() && cost[e] < 0 && cap[e] == 0) {
                        mentorOf[i] = v - n;
                    }
                }
            }
            return mentorOf;
        }

        /**
         * Dijkstra on reduced costs from the source, stopped when the sink is settled; nodes not settled by
         * then get the sink's distance (which keeps every reduced cost non-negative). False when the sink
         * cannot be reached.
         */
        private boolean dijkstra(long[] dist) {
            Arrays.fill(dist, INF);
            heap.clear();
            dist[source] = 0;
            heap.push(source, 0);
            boolean reached = false;
            while (!heap.isEmpty()) {
                int u = heap.pop();
                if (u == sink) {
                    reached = true;
                    break;
                }
                long du = dist[u];
                for (int e = head[u]; e != -1; e = next[e]) {
                    if (cap[e] == 0) {
                        continue;
                    }
                    int v = to[e];
                    long candidate = du + cost[e] + potential[u] - potential[v];
                    if (candidate < dist[v]) {
                        dist[v] = candidate;
                        parentEdge[v] = e;
                        heap.pushOrDecrease(v, candidate);
                    }
                }
            }
            if (!reached) {
                return false;
            }
            long sinkDistance = dist[sink];
            for (int v = 0; v < nodes; v++) {
                if (dist[v] > sinkDistance) {
                    dist[v] = sinkDistance;
                }
            }
            return true;
        }

        /** One unit along the path Dijkstra found (its edges have reduced cost 0 after the update). */
        private void augmentAlongShortestPath() {
            for (int v = sink; v != source;) {
                int e = parentEdge[v];
                cap[e] -= 1;
                cap[e ^ 1] += 1;
                v = to[e ^ 1];
            }
        }

        /** Sends one unit along every augmenting path of zero reduced cost it finds; answers how many. */
        private int augmentAdmissible(int[] current, boolean[] dead, boolean[] onPath, int[] pathEdge) {
            for (int v = 0; v < nodes; v++) {
                current[v] = head[v];
                dead[v] = false;
            }
            int[] stack = new int[nodes];
            int augmented = 0;
            while (true) {
                int depth = 0;
                stack[0] = source;
                onPath[source] = true;
                boolean reached = false;
                while (depth >= 0) {
                    int u = stack[depth];
                    if (u == sink) {
                        reached = true;
                        break;
                    }
                    boolean advanced = false;
                    for (; current[u] != -1; current[u] = next[current[u]]) {
                        int e = current[u];
                        int v = to[e];
                        if (cap[e] > 0 && !dead[v] && !onPath[v] && cost[e] + potential[u] - potential[v] == 0) {
                            pathEdge[depth] = e;
                            stack[++depth] = v;
                            onPath[v] = true;
                            advanced = true;
                            break;
                        }
                    }
                    if (!advanced) {
                        dead[u] = true;
                        onPath[u] = false;
                        depth--;
                        if (depth >= 0) {
                            current[stack[depth]] = next[current[stack[depth]]];
                        }
                    }
                }
                for (int d = 0; d <= Math.max(depth, 0); d++) {
                    onPath[stack[d]] = false;
                }
                if (!reached) {
                    return augmented;
                }
                for (int d = 0; d < depth; d++) {
                    int e = pathEdge[d];
                    cap[e] -= 1;
                    cap[e ^ 1] += 1;
                }
                augmented++;
            }
        }
    }

    /** A binary min-heap of node indexes keyed by distance, with decrease-key; no allocation per operation. */
    static final class IndexedHeap {
        private final int[] heap;
        private final int[] position;
        private final long[] key;
        private int size;

        IndexedHeap(int capacity) {
            heap = new int[capacity];
            position = new int[capacity];
            key = new long[capacity];
            Arrays.fill(position, -1);
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            for (int i = 0; i < size; i++) {
                position[heap[i]] = -1;
            }
            size = 0;
        }

        void push(int node, long value) {
            pushOrDecrease(node, value);
        }

        void pushOrDecrease(int node, long value) {
            int at = position[node];
            if (at < 0) {
                at = size++;
                heap[at] = node;
                position[node] = at;
            } else if (value >= key[node]) {
                return;
            }
            key[node] = value;
            up(at);
        }

        int pop() {
            int top = heap[0];
            position[top] = -1;
            size--;
            if (size > 0) {
                heap[0] = heap[size];
                position[heap[0]] = 0;
                down(0);
            }
            return top;
        }

        private void up(int at) {
            int node = heap[at];
            while (at > 0) {
                int parent = (at - 1) >>> 1;
                if (key[heap[parent]] <= key[node]) {
                    break;
                }
                heap[at] = heap[parent];
                position[heap[at]] = at;
                at = parent;
            }
            heap[at] = node;
            position[node] = at;
        }

        private void down(int at) {
            int node = heap[at];
            while (true) {
                int child = 2 * at + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
                    child++;
                }
                if (key[heap[child]] >= key[node]) {
                    break;
                }
                heap[at] = heap[child];
                position[heap[at]] = at;
                at = child;
            }
            heap[at] = node;
            position[node] = at;
        }
    }
}
