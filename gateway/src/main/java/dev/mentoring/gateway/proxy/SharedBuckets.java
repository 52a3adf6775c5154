package dev.mentoring.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.gateway.config.GatewayConfig;
import dev.mentoring.gateway.domain.RateLimiter;
import dev.mentoring.plumbing.problem.Causes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.mutiny.redis.client.Response;

/**
 * The token buckets of every gateway instance, kept in one Redis: a request spends from its buckets in one atomic
 * script ({@code token-buckets.lua}, by EVALSHA), so N gateways together allow the configured rate, not N times it.
 * <p>
 * <b>Leases.</b> For a bucket whose rate allows it, an instance takes several tokens in one call (at most a tenth of a
 * second of the rate shared by {@code instances}, and {@code lease-max}), spends one at once and the rest on its next
 * requests of that bucket without asking the store, within {@code lease-for}. Tokens leased are spent in the store, so
 * the gateways together never allow more than the limits; those left unspent when a lease ends are dropped (the caller
 * gets up to a lease less, never more); one instance holds at most one lease of a bucket, and takes one at a time:
 * requests that find the lease empty while another of the instance's requests is taking the next one take their own
 * token only (else each of a burst of them took a whole lease, all but one dropped: a concurrent bulk sync spent its
 * limit many times faster than it sent requests). A person's bucket is never
 * leased: each of their requests asks the store.
 * <p>
 * <b>When the store is down</b> (refused, or no answer within {@code store-timeout}) the gateway fails open to buckets
 * of its own holding {@code 1/instances} of every rate and burst, so the platform still limits at about the configured
 * rate, and asks the store again after {@code store-retry-after}. A cache outage never takes the API down, and no
 * caller gets more than a share of their limit from any one instance meanwhile.
 * <p>
 * <b>When this instance's connections to the store are all busy</b> and as many requests wait for one as
 * {@code quarkus.redis.max-pool-waiting} lets wait, the store is there: only the request that found no room is limited
 * by this instance's own share, and the next one asks the store again (a burst of requests that found a lease empty at
 * once, under load, used to take the store for away for {@code store-retry-after}).
 */
@ApplicationScoped
public class SharedBuckets {

    /**
     * One bucket a request spends from: its kind ({@code user}, {@code client}, {@code integration}) and key name it in
     * the store; {@code perSecond} and {@code burst} are its limits (a bucket keeps the limits it is spent with).
     */
    public record Spend(String kind, String key, int perSecond, int burst) {
    }

    /** How often (in calls) ended leases are swept out. */
    private static final int SWEEP_LEASES_EVERY = 4096;

    private final ReactiveRedisDataSource redis;
    private final GatewayConfig.RateLimits limits;
    private final String script;
    private final String sha;
    private final int instances;
    /** This instance's own buckets for while the store is away, by kind and limits (each with 1/instances of them). */
    private final Map<String, RateLimiter> local = new ConcurrentHashMap<>();
    /** Whether the store failed lately, and until when (System.nanoTime) this instance limits on its own then. */
    private final AtomicBoolean storeAway = new AtomicBoolean();
    private final AtomicLong storeAwayUntil = new AtomicLong();
    /** Requests limited by this instance alone: the store away, or this instance's connections to it all busy. */
    private final Counter awayFallbacks;
    private final Counter busyFallbacks;
    /** Tokens this instance took from the store ahead of its requests, by bucket (kind and key). */
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicLong leaseCalls = new AtomicLong();
    /** The buckets whose lease this instance is taking from the store now (one request at a time per bucket). */
    private final Set<String> leasesTaken = ConcurrentHashMap.newKeySet();

    SharedBuckets(ReactiveRedisDataSource redis, GatewayConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.limits = config.rateLimits();
        this.script = load("/token-buckets.lua");
        this.sha = sha1(script);
        this.instances = Math.max(1, limits.instances());
        this.awayFallbacks = fallbacks(registry, "away");
        this.busyFallbacks = fallbacks(registry, "busy");
    }

    /** A person's bucket (tenant and subject), or a client address's on a public path. */
    public Spend user(String key) {
        return new Spend("user", key, limits.perUserPerSecond(), limits.perUserBurst());
    }

    /**
     * A client application's bucket, per tenant: the limits {@code clients} names for it, else the integration ones for
     * an integration client (an HR platform's sync), else the per-client ones.
     */
    public Spend client(String tenant, String clientId, boolean integration) {
        GatewayConfig.ClientLimits own = limits.clients().get(clientId);
        String kind = integration ? "integration" : "client";
        String key = tenant + "|" + clientId;
        if (own != null) {
            return new Spend(kind, key, own.perSecond(), own.burst());
        }
        return integration ? new Spend(kind, key, limits.integrationPerSecond(), limits.integrationBurst())
                : new Spend(kind, key, limits.perClientPerSecond(), limits.perClientBurst());
    }

    /**
     * One decision per bucket from this instance's leases when every bucket has a leased token left (each spends one);
     * null when any has none, and then nothing is spent: {@link #take} asks the store.
     */
    public List<RateLimiter.Decision> leased(List<Spend> spends) {
        long now = System.nanoTime();
        sweepLeases(now);
        List<RateLimiter.Decision> decisions = new ArrayList<>(spends.size());
        List<Lease> spent = new ArrayList<>(spends.size());
        for (Spend spend : spends) {
            Lease lease = leases.get(leaseKey(spend));
            RateLimiter.Decision decision = lease == null ? null : lease.take(now, spend.burst());
            if (decision == null) {
                spent.forEach(Lease::giveBack);
                return null;
            }
            spent.add(lease);
            decisions.add(decision);
        }
        return decisions;
    }

    /**
     * Spends one token from each bucket: from this instance's lease where it holds one, else in the shared store when it
     * answers (taking a new lease where the bucket's rate allows); one decision per bucket, in order.
     */
    public Uni<List<RateLimiter.Decision>> take(List<Spend> spends) {
        long now = System.nanoTime();
        RateLimiter.Decision[] decisions = new RateLimiter.Decision[spends.size()];
        List<Integer> asked = new ArrayList<>(spends.size());
        for (int i = 0; i < spends.size(); i++) {
            Lease lease = leases.get(leaseKey(spends.get(i)));
            decisions[i] = lease == null ? null : lease.take(now, spends.get(i).burst());
            if (decisions[i] == null) {
                asked.add(i);
            }
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(List.of(decisions));
        }
        List<Spend> toAsk = asked.stream().map(spends::get).toList();
        return ask(toAsk, now).map(answers -> {
            for (int i = 0; i < asked.size(); i++) {
                decisions[asked.get(i)] = answers.get(i);
            }
            return List.of(decisions);
        });
    }

    private Uni<List<RateLimiter.Decision>> ask(List<Spend> spends, long now) {
        if (storeAway(now)) {
            return Uni.createFrom().item(locally(spends, now, awayFallbacks));
        }
        return Uni.createFrom().deferred(() -> {
            List<String> leasing = new ArrayList<>(spends.size());
            try {
                List<String> args = new ArrayList<>();
                args.add(sha);
                args.add(Integer.toString(spends.size()));
                spends.forEach(spend -> args.add(limits.keyPrefix() + spend.kind() + ":" + spend.key()));
                for (Spend spend : spends) {
                    args.add(Integer.toString(spend.perSecond()));
                    args.add(Integer.toString(spend.burst()));
                    args.add(Integer.toString(leaseTaken(spend, leasing) ? leaseSize(spend) : 1));
                }
                return askStore(spends, args).onTermination().invoke(() -> leasing.forEach(leasesTaken::remove));
            } catch (RuntimeException e) {
                leasing.forEach(leasesTaken::remove);
                throw e;
            }
        });
    }

    /**
     * Whether this request takes the bucket's next lease (then its key is in {@code leasing} until the store answers);
     * if not it takes its own token only: the bucket is not leased, another request of this instance is taking its lease
     * now, or one was taken since this request found it empty. The lease is checked again once the key is held: a lease
     * is kept before its key is let go, so none is taken twice.
     */
    private boolean leaseTaken(Spend spend, List<String> leasing) {
        if (leaseSize(spend) <= 1) {
            return false;
        }
        String key = leaseKey(spend);
        if (holds(key) || !leasesTaken.add(key)) {
            return false;
        }
        if (holds(key)) {
            leasesTaken.remove(key);
            return false;
        }
        leasing.add(key);
        return true;
    }

    /** Whether this instance holds a lease of the bucket with tokens left. */
    private boolean holds(String key) {
        Lease lease = leases.get(key);
        return lease != null && !lease.ended(System.nanoTime());
    }

    private Uni<List<RateLimiter.Decision>> askStore(List<Spend> spends, List<String> args) {
        return redis.execute("EVALSHA", args.toArray(String[]::new))
                .onFailure(SharedBuckets::scriptMissing).recoverWithUni(() -> {
                    // the store restarted and forgot the script: send it whole (EVAL caches it for the next EVALSHA)
                    args.set(0, script);
                    return redis.execute("EVAL", args.toArray(String[]::new));
                })
                .ifNoItem().after(limits.storeTimeout()).fail()
                .map(answer -> {
                    if (storeAway.getAndSet(false)) {
                        Log.info("The rate limits' shared store answers again: the limits are platform-wide again");
                    }
                    return decisions(spends, answer);
                })
                .onFailure().recoverWithItem(failure -> {
                    if (busy(failure)) {
                        Log.debugf("The rate limits' shared store is busy (%s): this request is limited by this instance alone", failure);
                        return locally(spends, System.nanoTime(), busyFallbacks);
                    }
                    storeAwayUntil.set(System.nanoTime() + limits.storeRetryAfter().toNanos());
                    if (!storeAway.getAndSet(true)) {
                        Log.warnf("The rate limits' shared store (Redis) is away (%s): this instance limits on its own with "
                                + "1/%d of each limit for %s before it tries again", failure.toString(), Math.max(1, limits.instances()),
                                limits.storeRetryAfter());
                    }
                    return locally(spends, System.nanoTime(), awayFallbacks);
                });
    }

    /**
     * The tokens this instance takes at once from a bucket: a tenth of a second of its rate shared by the instances, at
     * most {@code lease-max}; 1 (no lease) for a person's bucket, whatever its rate, so that a person's limit is exact.
     */
    int leaseSize(Spend spend) {
        if ("user".equals(spend.kind())) {
            return 1;
        }
        return Math.max(1, Math.min(limits.leaseMax(), spend.perSecond() / (10 * instances)));
    }

    private static String leaseKey(Spend spend) {
        return spend.kind() + ":" + spend.key();
    }

    /** Forgets ended leases now and then, so the map holds only buckets in use. */
    private void sweepLeases(long now) {
        if (leaseCalls.incrementAndGet() % SWEEP_LEASES_EVERY == 0) {
            leases.values().removeIf(lease -> lease.ended(now));
        }
    }

    private List<RateLimiter.Decision> decisions(List<Spend> spends, Response answer) {
        List<RateLimiter.Decision> decisions = new ArrayList<>(spends.size());
        long until = System.nanoTime() + limits.leaseFor().toNanos();
        for (int i = 0; i < spends.size(); i++) {
            Spend spend = spends.get(i);
            int remaining = answer.get(4 * i + 1).toInteger();
            int taken = answer.get(4 * i + 3).toInteger();
            if (taken > 1) {
                leases.computeIfAbsent(leaseKey(spend), key -> new Lease()).add(taken - 1, leaseSize(spend), remaining, until);
            }
            decisions.add(new RateLimiter.Decision(answer.get(4 * i).toInteger() == 1, spend.burst(),
                    remaining + Math.max(0, taken - 1), answer.get(4 * i + 2).toLong()));
        }
        return decisions;
    }

    private List<RateLimiter.Decision> locally(List<Spend> spends, long now, Counter reason) {
        reason.increment();
        List<RateLimiter.Decision> decisions = new ArrayList<>(spends.size());
        for (Spend spend : spends) {
            RateLimiter own = local.computeIfAbsent(spend.kind() + "/" + spend.perSecond() + "/" + spend.burst(),
                    limiter -> new RateLimiter(share(spend.perSecond(), instances), share(spend.burst(), instances)));
            decisions.add(own.take(spend.key(), now));
        }
        return decisions;
    }

    /**
     * Tokens of one bucket this instance took from the store ahead of its requests, spendable until {@code until}; the
     * store's tokens left when they were taken make the {@code remaining} this instance reports.
     */
    static final class Lease {
        private int tokens;
        private int storeRemaining;
        private long until;

        /**
         * Keeps tokens just taken, at most {@code cap} held in all: requests that found the lease empty at once each took
         * one, and what is beyond one lease is dropped rather than hoarded (the caller gets less, never more).
         */
        synchronized void add(int more, int cap, int remaining, long newUntil) {
            tokens = Math.min(cap, Math.max(0, tokens) + more);
            storeRemaining = remaining;
            until = newUntil;
        }

        /** Spends one leased token; null when none is left or the lease ended. */
        synchronized RateLimiter.Decision take(long now, int burst) {
            if (tokens <= 0 || now - until >= 0) {
                tokens = 0;
                return null;
            }
            tokens--;
            return new RateLimiter.Decision(true, burst, storeRemaining + tokens, 0);
        }

        synchronized void giveBack() {
            tokens++;
        }

        synchronized boolean ended(long now) {
            return tokens <= 0 || now - until >= 0;
        }
    }

    /** Whether the store is there but every connection of this instance to it is busy and the wait for one full. */
    static boolean busy(Throwable failure) {
        return Causes.any(failure, ConnectionPoolTooBusyException.class);
    }

    /** Whether this instance takes the store for away now, and limits on its own until {@code store-retry-after}. */
    boolean storeAway() {
        return storeAway(System.nanoTime());
    }

    private boolean storeAway(long now) {
        return storeAway.get() && now - storeAwayUntil.get() < 0;
    }

    private static Counter fallbacks(MeterRegistry registry, String reason) {
        return Counter.builder("mentoring.gateway.rate.limit.local")
                .description("Requests limited by this gateway instance alone: the shared store (Redis) away, or this "
                        + "instance's connections to it all busy")
                .tag("reason", reason)
                .register(registry);
    }

    private static boolean scriptMissing(Throwable failure) {
        return String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
    }

    private static int share(int value, int instances) {
        return Math.max(1, value / instances);
    }

    private static String load(String resource) {
        try (InputStream in = SharedBuckets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
