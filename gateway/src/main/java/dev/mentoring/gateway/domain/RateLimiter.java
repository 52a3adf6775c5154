package dev.mentoring.gateway.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets by key: each key may spend up to {@code burst} requests at once and gets {@code perSecond}
 * back every second. Held in one gateway instance's memory: the gateway's buckets are shared in Redis
 * ({@code proxy.SharedBuckets}), and these are what an instance falls back to, with its share of each limit, while
 * Redis is away.
 */
public final class RateLimiter {

    /** The outcome of one request against one bucket. */
    public record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    /** How often (in calls) idle buckets are swept out. */
    static final int SWEEP_EVERY = 4096;

    private final int perSecond;
    private final int burst;
    private final long refillNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.refillNanos = (long) Math.ceil(1e9 * burst / perSecond);
    }

    public Decision take(String key, long nowNanos) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(nowNanos);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos)).take(nowNanos, perSecond, burst);
    }

    /**
     * Forgets buckets idle long enough to be full again: a new bucket starts full, so nothing changes for
     * their keys, and the map holds only recently active callers.
     */
    public void sweep(long nowNanos) {
        buckets.values().removeIf(bucket -> bucket.idleSince(nowNanos) >= refillNanos);
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.updated = now;
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }

        synchronized Decision take(long now, int perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, burst, (int) tokens, 0);
            }
            long wait = (long) Math.ceil((1 - tokens) / perSecond);
            return new Decision(false, burst, 0, Math.max(1, wait));
        }
    }
}
