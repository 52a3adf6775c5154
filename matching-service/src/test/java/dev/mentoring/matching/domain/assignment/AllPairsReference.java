package dev.mentoring.matching.domain.assignment;

import java.util.Arrays;

/**
 * Independent, deliberately plain solvers and checks over a dense table of pairs, to test the real ones
 * against: {@code weight[i][j] > 0} is an eligible pair and its weight, anything else is no pair. Nothing here
 * shares code with the solvers under test.
 */
public final class AllPairsReference {

    private AllPairsReference() {
    }

    /** The dense table of a sparse pair list. */
    static int[][] dense(BipartiteCandidates pairs) {
        int[][] weight = new int[pairs.mentees()][pairs.mentors()];
        for (int i = 0; i < pairs.mentees(); i++) {
            for (int k = 0; k < pairs.mentorsOf(i).length; k++) {
                weight[i][pairs.mentorsOf(i)[k]] = pairs.weightsOf(i)[k];
            }
        }
        return weight;
    }

    static int[] capacities(BipartiteCandidates pairs) {
        int[] capacity = new int[pairs.mentors()];
        Arrays.setAll(capacity, pairs::capacity);
        return capacity;
    }

    /** The best total by trying every assignment: each mentee gets one of its eligible mentors with room, or none. */
    public static long bruteForceBest(int[][] weight, int[] capacity) {
        return bruteForce(weight, capacity.clone(), 0);
    }

    private static long bruteForce(int[][] weight, int[] room, int mentee) {
        if (mentee == weight.length) {
            return 0;
        }
        long best = bruteForce(weight, room, mentee + 1);
        for (int j = 0; j < room.length; j++) {
            if (weight[mentee][j] > 0 && room[j] > 0) {
                room[j]--;
                best = Math.max(best, weight[mentee][j] + bruteForce(weight, room, mentee + 1));
                room[j]++;
            }
        }
        return best;
    }

    /**
     * The best total by the textbook min-cost flow: source to each mentee (1), mentee to each eligible mentor (1,
     * cost -weight), mentor to sink (its capacity); augment along a cheapest path found by Bellman-Ford in the
     * residual network while it still lowers the cost. Slow and simple, for cohorts too big for brute force.
     */
    public static long minCostFlowBest(int[][] weight, int[] capacity) {
        int n = weight.length;
        int m = capacity.length;
        int source = n + m;
        int sink = n + m + 1;
        int nodes = n + m + 2;
        long[][] residual = new long[nodes][nodes];
        long[][] cost = new long[nodes][nodes];
        for (int i = 0; i < n; i++) {
            residual[source][i] = 1;
            for (int j = 0; j < m; j++) {
                if (weight[i][j] > 0) {
                    residual[i][n + j] = 1;
                    cost[i][n + j] = -weight[i][j];
                    cost[n + j][i] = weight[i][j];
                }
            }
        }
        for (int j = 0; j < m; j++) {
            residual[n + j][sink] = Math.max(0, capacity[j]);
        }
        long total = 0;
        while (true) {
            long[] dist = new long[nodes];
            int[] previous = new int[nodes];
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(previous, -1);
            dist[source] = 0;
            for (int round = 0; round < nodes; round++) {
                boolean changed = false;
                for (int a = 0; a < nodes; a++) {
                    if (dist[a] == Long.MAX_VALUE) {
                        continue;
                    }
                    for (int b = 0; b < nodes; b++) {
                        if (residual[a][b] > 0 && dist[a] + cost[a][b] < dist[b]) {
                            dist[b] = dist[a] + cost[a][b];
                            previous[b] = a;
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    break;
                }
            }
            if (dist[sink] == Long.MAX_VALUE || dist[sink] >= 0) {
                return total;
            }
            for (int b = sink; b != source; b = previous[b]) {
                residual[previous[b]][b]--;
                residual[b][previous[b]]++;
            }
            total -= dist[sink];
        }
    }

    /**
     * Blocking pairs counted the plain way, every eligible pair on its own: the mentee prefers the mentor to what
     * it has (its view higher, ties to the lower mentor index; anyone beats nobody) and the mentor has room or
     * prefers the mentee to one it holds (its view higher, ties to the lower mentee index).
     */
    public static int naiveBlockingCount(int[][] weight, int[][] menteeView, int[][] mentorView, int[] capacity,
            int[] mentorOf) {
        int n = weight.length;
        int m = capacity.length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (weight[i][j] <= 0 || capacity[j] <= 0 || mentorOf[i] == j) {
                    continue;
                }
                int own = mentorOf[i];
                boolean menteeWould = own < 0 || menteeView[i][j] > menteeView[i][own]
                        || (menteeView[i][j] == menteeView[i][own] && j < own);
                if (!menteeWould) {
                    continue;
                }
                int held = 0;
                boolean prefersOverSomeone = false;
                for (int other = 0; other < n; other++) {
                    if (mentorOf[other] == j) {
                        held++;
                        if (mentorView[i][j] > mentorView[other][j] || (mentorView[i][j] == mentorView[other][j] && i < other)) {
                            prefersOverSomeone = true;
                        }
                    }
                }
                if (held < capacity[j] || prefersOverSomeone) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Each mentee at most one eligible mentor, each mentor at most its capacity. */
    public static boolean feasible(int[][] weight, int[] capacity, int[] mentorOf) {
        int[] load = new int[capacity.length];
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                if (weight[i][mentorOf[i]] <= 0) {
                    return false;
                }
                load[mentorOf[i]]++;
            }
        }
        for (int j = 0; j < load.length; j++) {
            if (load[j] > Math.max(0, capacity[j])) {
                return false;
            }
        }
        return true;
    }

    public static long total(int[][] weight, int[] mentorOf) {
        long total = 0;
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] >= 0) {
                total += weight[i][mentorOf[i]];
            }
        }
        return total;
    }
}
