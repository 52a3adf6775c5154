package dev.mentoring.gateway.proxy;

import dev.mentoring.gateway.config.GatewayConfig;
import dev.mentoring.gateway.domain.CircuitBreaker;
import dev.mentoring.gateway.domain.RateLimiter;
import dev.mentoring.plumbing.tenancy.CachedBearerAuthentication;
import dev.mentoring.plumbing.tenancy.TokenClaims;
import dev.mentoring.plumbing.tenancy.TokenRefusals;
import dev.mentoring.plumbing.problem.Causes;
import dev.mentoring.plumbing.problem.ProblemWriter;
import dev.mentoring.plumbing.tracing.TraceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's routes: for each configured prefix, authenticate the bearer token (issuer, signature,
 * expiry, audience, tenant claim), then stream the request to the service with the prefix stripped and
 * stream the answer back. A refused request never reaches a service.
 */
@ApplicationScoped
public class ServiceProxy {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    /** The realm role of an integration client (an HR platform's client-credentials token): no person, a client bucket only. */
    static final String INTEGRATION_ROLE = "integration";
    /** Where forward keeps the OpenTelemetry context of the request's server span for send. */
    private static final String SERVER_SPAN = ServiceProxy.class.getName() + ".serverSpan";
    /** Where Quarkus marks a request it failed because its authentication failed otherwise than by refusing the token. */
    private static final String OTHER_AUTH_FAILURE = "io.quarkus.vertx.http.runtime.security.other-auth-failure";
    /** When the next "token not verified" may be logged at WARN (0: now). */
    private static final AtomicLong NEXT_VERIFICATION_WARNING = new AtomicLong();
    /** When the next "rate limits not judged" may be logged at WARN (0: now). */
    private static final AtomicLong NEXT_LIMITS_WARNING = new AtomicLong();
    /** A request id a client gives, kept as it is (anything else gets a new one). */
    private static final Pattern GIVEN_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** W3C Trace Context, version 00: a trace id and a parent id, neither all zeros. */
    private static final Pattern VALID_TRACEPARENT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    /** Hop-by-hop headers (RFC 9110, section 7.6.1) are never forwarded. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private final GatewayConfig config;
    private final HttpClient client;
    private final SharedBuckets buckets;
    private final CachedBearerAuthentication authentication;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    /** Requests at each route's service now, from this instance (admission: {@code max-in-flight}). */
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Requests answered 503 without reaching the route's service, by route and reason; and when each may be logged next. */
    private final Map<String, HeldBack> heldBack = new ConcurrentHashMap<>();

    ServiceProxy(GatewayConfig config, Vertx vertx, SharedBuckets buckets, CachedBearerAuthentication authentication,
            MeterRegistry registry) {
        this.config = config;
        for (GatewayConfig.Route route : config.routes().values()) {
            AtomicInteger busy = inFlight.computeIfAbsent(route.prefix(), prefix -> new AtomicInteger());
            Gauge.builder("mentoring.gateway.upstream.in.flight", busy, AtomicInteger::get)
                    .description("Requests this gateway instance has at the route's service now (admission: max-in-flight)")
                    .tag("route", route.prefix()).register(registry);
            for (String reason : List.of(HeldBack.FULL, HeldBack.CIRCUIT_OPEN)) {
                heldBack.put(route.prefix() + reason, new HeldBack(Counter.builder("mentoring.gateway.held.back")
                        .description("Requests this gateway instance answered 503 without sending them to the route's service: "
                                + "max-in-flight reached, or its circuit open")
                        .tag("route", route.prefix()).tag("reason", reason).register(registry), new AtomicLong()));
            }
        }
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                // an idle pooled connection is closed here before anything between (a load balancer, a proxy: commonly
                // 60 s idle) closes it, so that no request is sent on a connection being closed under it
                .setKeepAliveTimeout(30)
                // at least as many connections per service as the requests a route may have there (max-in-flight): a
                // request admitted does not wait for a connection
                .setMaxPoolSize(Math.max(100, config.routes().values().stream().mapToInt(GatewayConfig.Route::maxInFlight).max().orElse(0)))
                .setConnectTimeout(2_000)
                // the trace goes on from the gateway's server span, set by forwardTrace (a tracer's own would add a second)
                .setTracingPolicy(TracingPolicy.IGNORE));
        this.buckets = buckets;
        this.authentication = authentication;
    }

    void install(@Observes Router router) {
        List<GatewayConfig.Route> routes = config.routes().values().stream()
                .sorted(Comparator.comparing(GatewayConfig.Route::prefix).reversed())
                .toList();
        for (GatewayConfig.Route route : routes) {
            router.route(route.prefix() + "/*").order(-10).handler(context -> forward(context, route));
            router.route(route.prefix()).order(-10).handler(context -> forward(context, route));
        }
        // a token refused by the OIDC mechanism itself: answer as problem+json too; one that could not be judged (Quarkus
        // fails the request with its own failure then, before the proxy hears of it): 503
        router.route().order(-10).failureHandler(context -> {
            Throwable failure = context.failure();
            if (refusal(failure)) {
                refuse(context, "The bearer token is not valid here", context.request().headers().contains("Authorization"));
            } else if (context.get(OTHER_AUTH_FAILURE) != null && !context.response().headWritten()) {
                notJudged(context, failure);
            } else {
                context.next();
            }
        });
    }

    private void forward(RoutingContext context, GatewayConfig.Route route) {
        HttpServerRequest request = context.request();
        request.pause();
        context.put(SERVER_SPAN, io.opentelemetry.context.Context.current());
        String requestId = requestId(request);
        context.response().putHeader(REQUEST_ID, requestId);
        boolean tokenPresented = request.headers().contains("Authorization");
        if (!request.uri().startsWith("/")) {
            // absolute-form or asterisk-form request targets: this is no forward proxy
            request.resume();
            ProblemWriter.send(context.response(), 400, "Bad Request", "The request target must be a path", "/");
            return;
        }
        if (isPublic(context, route)) {
            String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            onContext(buckets.take(List.of(buckets.user("public|" + address))))
                    .subscribe().with(decisions -> {
                        if (!gone(context.response()) && withinPublicLimit(context, decisions.get(0))) {
                            send(context, route, requestId);
                        }
                    }, failure -> limitsNotJudged(context, failure));
            return;
        }
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null || !tokenPresented) {
            refuse(context, "A bearer token is required", false);
            return;
        }
        SecurityIdentity known = authentication.known(request.getHeader("Authorization"));
        if (known != null) {
            admit(context, route, requestId, known); // verified before: no need to go through the deferred identity
            return;
        }
        // on the request's own event loop again (the identity may come from another, e.g. after the keys were fetched)
        onContext(identity).subscribe().with(who -> admit(context, route, requestId, who), failure -> notVerified(context, failure));
    }

    /**
     * A token the deferred identity did not give a caller for: refused (401) when it was judged and found wanting; when
     * it could not be judged (anything else went wrong on the way), 503 with {@code Retry-After}: a valid token is never
     * answered 401, which tells a client to drop it.
     */
    private static void notVerified(RoutingContext context, Throwable failure) {
        if (context.response().headWritten() || gone(context.response())) {
            return; // answered already (Quarkus' own failure handling reached install's failure handler first), or no one to answer
        }
        if (refusal(failure)) {
            // logged as refused (at INFO at most every 10 s) by CachedBearerAuthentication, which refused it
            Log.debugf("Token refused for %s: %s", context.request().path(), causes(failure));
            refuse(context, "The bearer token is not valid here", true);
            return;
        }
        notJudged(context, failure);
    }

    /** Whether a failure, or any failure it carries, is a judgement on the token (then 401). */
    static boolean refusal(Throwable failure) {
        return Causes.any(failure, t -> t instanceof AuthenticationException || t instanceof UnauthorizedException);
    }

    /** A token that could not be judged now: 503 with Retry-After; logged at WARN at most every 10 s (the rest at DEBUG). */
    private static void notJudged(RoutingContext context, Throwable failure) {
        logAtMostEvery10s(NEXT_VERIFICATION_WARNING, "Token not verified for %s (answered 503; more within 10 s at DEBUG): %s",
                "Token not verified for %s: %s", context.request().path(), causes(failure));
        context.request().resume();
        unavailable(context, 1, "The bearer token could not be verified now; try again shortly");
    }

    /**
     * The rate limits could not be judged (the buckets failed otherwise than by the store being away or busy, which they
     * answer themselves): 503 with Retry-After; logged at WARN at most every 10 s (the rest at DEBUG).
     */
    private static void limitsNotJudged(RoutingContext context, Throwable failure) {
        logAtMostEvery10s(NEXT_LIMITS_WARNING, "Rate limits not judged for %s (answered 503; more within 10 s at DEBUG): %s",
                "Rate limits not judged for %s: %s", context.request().path(), causes(failure));
        if (!gone(context.response())) {
            context.request().resume();
            unavailable(context, 1, "The request could not be judged against its rate limits now; try again shortly");
        }
    }

    /** 503 problem+json with {@code Retry-After}: the gateway's every "not now" (overload, open circuit, service away). */
    private static void unavailable(RoutingContext context, long retryAfterSeconds, String detail) {
        context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        ProblemWriter.send(context.response(), 503, "Service Unavailable", detail, context.request().path());
    }

    /** A failure and its causes, class and message each, for the log. */
    private static String causes(Throwable failure) {
        return Causes.describe(failure, true, 2_000);
    }

    private void admit(RoutingContext context, GatewayConfig.Route route, String requestId, SecurityIdentity who) {
        if (who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken token) || !TokenClaims.hasTenant(token)) {
            refuse(context, who.isAnonymous() ? "A bearer token is required" : "The token carries no tenant", true);
        } else {
            limitAndSend(context, route, requestId, token, who.hasRole(INTEGRATION_ROLE));
        }
    }

    /**
     * A verified caller: spends from its buckets, then forwards. A person spends from their own bucket and their client
     * application's; an integration client (no person: an HR platform's sync) from its client bucket only.
     */
    private void limitAndSend(RoutingContext context, GatewayConfig.Route route, String requestId, JsonWebToken caller,
            boolean integration) {
        String tenant = TokenClaims.text(caller, TokenClaims.TENANT).orElse("");
        SharedBuckets.Spend client = buckets.client(tenant, TokenClaims.text(caller, TokenClaims.AUTHORIZED_PARTY).orElse(""),
                integration);
        List<SharedBuckets.Spend> spends = integration ? List.of(client)
                : List.of(client, buckets.user(tenant + "|" + caller.getSubject()));
        List<RateLimiter.Decision> leased = buckets.leased(spends);
        if (leased != null) {
            limited(context, route, requestId, leased, integration); // every bucket spent from this instance's leases
            return;
        }
        onContext(buckets.take(spends))
                .subscribe().with(decisions -> {
                    if (!gone(context.response())) { // else the client went away while the buckets answered
                        limited(context, route, requestId, decisions, integration);
                    }
                }, failure -> limitsNotJudged(context, failure));
    }

    private void limited(RoutingContext context, GatewayConfig.Route route, String requestId, List<RateLimiter.Decision> decisions,
            boolean integration) {
        if (withinLimits(context, decisions.get(0), integration ? null : decisions.get(1)) && withinBodyLimit(context, route)) {
            send(context, route, requestId);
        }
    }

    /**
     * A GET below one of the route's public paths: no token needed (and none forwarded). Judged on the
     * normalised path (percent-encoded dots decoded, dot segments removed), the one that is forwarded.
     */
    private static boolean isPublic(RoutingContext context, GatewayConfig.Route route) {
        if (context.request().method() != io.vertx.core.http.HttpMethod.GET || route.publicGetPaths().isEmpty()) {
            return false;
        }
        String below = belowPrefix(context, route);
        return !below.contains("..") && !below.toLowerCase().contains("%2e") && !below.toLowerCase().contains("%2f")
                && route.publicGetPaths().get().stream().anyMatch(below::startsWith);
    }

    /** The normalised path below the route's prefix; the router matched the route on the same path. */
    private static String belowPrefix(RoutingContext context, GatewayConfig.Route route) {
        String path = context.normalizedPath();
        return path.length() <= route.prefix().length() ? "" : path.substring(route.prefix().length());
    }

    /** The request's own event-loop context again, once the shared buckets answered (their client may answer elsewhere). */
    private static <T> Uni<T> onContext(Uni<T> answer) {
        io.vertx.core.Context own = Vertx.currentContext();
        return own == null ? answer : answer.emitOn(task -> own.runOnContext(ignored -> task.run()));
    }

    /** Public paths are limited per client address, with the per-person limits. */
    private boolean withinPublicLimit(RoutingContext context, RateLimiter.Decision decision) {
        if (decision.allowed()) {
            context.request().headers().remove("Authorization");
            return true;
        }
        return tooMany(context, decision);
    }

    /**
     * Per person (tenant + subject) and per client application (tenant + azp); 429 when either is spent. {@code user} is
     * null for an integration client, which has only its client bucket.
     */
    private boolean withinLimits(RoutingContext context, RateLimiter.Decision client, RateLimiter.Decision user) {
        HttpServerResponse response = context.response();
        if (user == null) {
            response.putHeader("RateLimit-Policy", "\"client\";q=" + client.limit());
            response.putHeader("RateLimit", "limit=" + client.limit() + ", remaining=" + client.remaining()
                    + ", reset=" + Math.max(1, client.retryAfterSeconds()));
            return client.allowed() || tooMany(context, client);
        }
        RateLimiter.Decision tighter = !client.allowed() ? client : !user.allowed() ? user
                : client.remaining() < user.remaining() ? client : user;
        response.putHeader("RateLimit-Policy", "\"user\";q=" + user.limit() + ", \"client\";q=" + client.limit());
        response.putHeader("RateLimit", "limit=" + tighter.limit() + ", remaining=" + tighter.remaining()
                + ", reset=" + Math.max(1, tighter.retryAfterSeconds()));
        if (client.allowed() && user.allowed()) {
            return true;
        }
        return tooMany(context, tighter);
    }

    /** 429 with Retry-After for a spent bucket; answers false (the request goes no further). */
    private static boolean tooMany(RoutingContext context, RateLimiter.Decision spent) {
        context.request().resume();
        context.response().putHeader("Retry-After", Long.toString(spent.retryAfterSeconds()));
        ProblemWriter.send(context.response(), 429, "Too Many Requests",
                "Too many requests; retry after " + spent.retryAfterSeconds() + " s", context.request().path());
        return false;
    }

    /** A declared body larger than the route takes is refused before it is read (413). */
    private static boolean withinBodyLimit(RoutingContext context, GatewayConfig.Route route) {
        String length = context.request().getHeader("Content-Length");
        try {
            if (length == null || Long.parseLong(length.trim()) <= route.maxBodyBytes()) {
                return true;
            }
        } catch (NumberFormatException e) {
            // a malformed length is the HTTP layer's to refuse
            return true;
        }
        tooLarge(context, route);
        return false;
    }

    private static void tooLarge(RoutingContext context, GatewayConfig.Route route) {
        if (context.response().headWritten()) {
            context.response().reset();
            return;
        }
        context.response().putHeader("Connection", "close");
        ProblemWriter.send(context.response(), 413, "Content Too Large",
                "This route takes bodies of at most " + route.maxBodyBytes() + " bytes", context.request().path());
    }

    private static void refuse(RoutingContext context, String detail, boolean tokenPresented) {
        context.request().resume();
        ProblemWriter.unauthorized(context.response(), detail, context.request().path(), tokenPresented);
    }

    private void send(RoutingContext context, GatewayConfig.Route route, String requestId) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        if (!admitted(context, route)) {
            return;
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(route.prefix(), prefix -> new CircuitBreaker(
                config.circuitBreaker().failureThreshold(), config.circuitBreaker().openFor().toNanos()));
        CircuitBreaker.Permit permit = breaker.tryAcquire(System.nanoTime());
        if (!permit.allowed()) {
            held(route, HeldBack.CIRCUIT_OPEN, "its circuit is open after failures (answered with Retry-After "
                    + permit.retryAfterSeconds() + ")");
            request.resume();
            unavailable(context, permit.retryAfterSeconds(), "The service is failing; the gateway holds its requests back for "
                    + permit.retryAfterSeconds() + " s (circuit open)");
            return;
        }
        try {
            // built from the normalised path and the query only: nothing in the request target can choose the host
            String query = request.query();
            String target = route.url() + route.servicePath().orElse("") + belowPrefix(context, route) + (query == null ? "" : "?" + query);
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            copyHeaders(request.headers(), headers);
            headers.set(REQUEST_ID, requestId);
            forwardTrace(context, headers);
            headers.set("X-Forwarded-For", forwardedFor(request));
            headers.set("X-Forwarded-Proto", request.scheme());
            headers.set("X-Forwarded-Host", request.host() == null ? "" : request.host());
            headers.set("X-Forwarded-Prefix", route.prefix());
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    .setAbsoluteURI(target.endsWith(route.url()) ? target + "/" : target)
                    .setHeaders(headers)
                    .setTimeout(route.timeout().orElse(config.timeout()).toMillis());

            // a body of declared length was judged already; one without (chunked) is counted as it streams
            LimitedBody limited = request.getHeader("Content-Length") != null ? null : new LimitedBody(request, route.maxBodyBytes());
            // never retried: a request that may have reached the service is not sent twice
            client.request(options)
                    .onFailure(unreachable -> breaker.failed(System.nanoTime()))
                    .compose(upstream -> {
                        // a client that goes away before the answer stops the call (and frees its connection) at once
                        // (its failures reach the answer's future, handled below; a reset by a leaving client is expected)
                        upstream.exceptionHandler(failure -> { });
                        response.closeHandler(closed -> upstream.reset());
                        if (limited != null) {
                            limited.onCut(() -> upstream.reset());
                        }
                        return upstream.send(limited == null ? request : limited).onFailure(failure -> {
                            // the service's fault (timed out, reset); a client that went away, or sent too much, is not
                            if (!response.closed() && (limited == null || !limited.cut())) {
                                breaker.failed(System.nanoTime());
                            } else {
                                breaker.abandoned();
                            }
                        });
                    })
                    .onSuccess(upstream -> {
                        int status = upstream.statusCode();
                        if (status == 502 || status == 503 || status == 504) {
                            breaker.failed(System.nanoTime());
                        } else {
                            breaker.succeeded();
                        }
                        relay(upstream, response);
                    })
                    .onFailure(failure -> {
                        if (limited != null && limited.cut()) {
                            tooLarge(context, route);
                        } else if (!response.closed()) {
                            upstreamFailed(context, route, failure);
                        }
                    });
        } catch (RuntimeException e) {
            breaker.abandoned(); // a permit taken must not hold a half-open breaker shut
            upstreamFailed(context, route, e);
        }
    }

    /**
     * Whether the route's service may take one more request from this instance; if so it counts as in flight until its
     * answer ends or the client goes away. If not: 503 with {@code Retry-After}, at once.
     */
    private boolean admitted(RoutingContext context, GatewayConfig.Route route) {
        if (gone(context.response())) {
            return false; // the client went away while it was verified or limited: nothing to send, nothing to count
        }
        AtomicInteger busy = inFlight.get(route.prefix());
        if (busy.incrementAndGet() > route.maxInFlight()) {
            busy.decrementAndGet();
            held(route, HeldBack.FULL, "this instance has max-in-flight (" + route.maxInFlight() + ") requests at the service");
            context.request().resume();
            unavailable(context, 1, "The service has as many requests as it takes now; retry after 1 s");
            return false;
        }
        AtomicBoolean done = new AtomicBoolean();
        Runnable release = () -> {
            if (done.compareAndSet(false, true)) {
                busy.decrementAndGet();
            }
        };
        context.addEndHandler(ended -> release.run());
        if (gone(context.response())) {
            release.run(); // gone in between: its end handlers may have run before this one was added
            return false;
        }
        return true;
    }

    /**
     * The trace the service goes on with: the gateway's server span's (it continued the client's valid traceparent, or
     * started a new trace), so the service's spans are its children. Without tracing (the SDK disabled), the client's
     * valid traceparent as it came, else a new trace started here.
     */
    private static void forwardTrace(RoutingContext context, MultiMap headers) {
        TraceContext.of(context.get(SERVER_SPAN)).ifPresentOrElse(span -> span.write(headers::set),
                () -> headers.set(TRACEPARENT, traceparent(context.request())));
    }

    /** The client's W3C traceparent when it is valid, else a new trace started here. */
    private static String traceparent(HttpServerRequest request) {
        String given = request.getHeader(TRACEPARENT);
        if (given != null && VALID_TRACEPARENT.matcher(given.trim()).matches()) {
            return given.trim();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-%016x%016x-%016x-01".formatted(random.nextLong() | 1, random.nextLong(), random.nextLong() | 1);
    }

    /**
     * Streams the service's answer to the client, chunk by chunk as it comes (no copy, no buffering beyond the write
     * queue: the service is paused while the client's queue is full). A client that goes away ends the relay quietly: no
     * more writes, and the call to the service is reset so that it stops sending. (Vert.x's pipe would go on writing to
     * the closed answer and fail with "Response has already been written".)
     */
    private static void relay(HttpClientResponse upstream, HttpServerResponse response) {
        if (gone(response)) {
            upstream.exceptionHandler(reset -> { }); // the reset below, expected
            upstream.request().reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        copyHeaders(upstream.headers(), response.headers());
        if (!upstream.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        response.closeHandler(closed -> upstream.request().reset());
        upstream.exceptionHandler(failure -> {
            if (!gone(response)) {
                response.reset(); // the service broke off mid-answer: so does the client's, rather than a truncated 200
            }
        });
        upstream.handler(chunk -> {
            if (gone(response)) {
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(drained -> upstream.resume());
            }
        });
        upstream.endHandler(ended -> {
            if (!gone(response)) {
                response.end();
            }
        });
    }

    /** A route's requests answered 503 without reaching its service for one reason: counted, and when to log the next. */
    private record HeldBack(Counter counter, AtomicLong nextWarning) {
        static final String FULL = "max-in-flight";
        static final String CIRCUIT_OPEN = "circuit-open";
    }

    /** Counts a request held back from the route's service; logs it at WARN at most every 10 s per route and reason. */
    private void held(GatewayConfig.Route route, String reason, String why) {
        HeldBack held = heldBack.get(route.prefix() + reason);
        held.counter().increment();
        logAtMostEvery10s(held.nextWarning(), "Requests for %s answered 503 without reaching %s (more within 10 s at DEBUG): %s",
                "Requests for %s answered 503 without reaching %s: %s", route.prefix(), route.url(), why);
    }

    /** Logs {@code warning} at WARN when {@code next} lets one be logged (at most every 10 s), else {@code detail} at DEBUG. */
    private static void logAtMostEvery10s(AtomicLong next, String warning, String detail, Object... params) {
        if (TokenRefusals.due(next)) {
            Log.warnf(warning, params);
        } else {
            Log.debugf(detail, params);
        }
    }

    /** Whether the answer can take no more: ended, or the client went away. */
    private static boolean gone(HttpServerResponse response) {
        return response.ended() || response.closed();
    }

    private static void upstreamFailed(RoutingContext context, GatewayConfig.Route route, Throwable failure) {
        String path = context.request().path();
        if (failure instanceof TimeoutException || String.valueOf(failure.getMessage()).contains("timeout")) {
            Log.warnf("Service at %s did not answer %s in time", route.url(), path);
            ProblemWriter.send(context.response(), 504, "Gateway Timeout", "The service did not answer in time", path);
        } else {
            Log.warnf("Service at %s unreachable for %s: %s", route.url(), path, failure.getMessage());
            unavailable(context, 5, "The service is not available; try again shortly");
        }
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        // the headers a Connection header names are hop-by-hop as well (RFC 9110, section 7.6.1)
        Set<String> listed = new java.util.HashSet<>();
        for (String connection : from.getAll("Connection")) {
            for (String token : connection.split(",")) {
                listed.add(token.trim().toLowerCase());
            }
        }
        for (var header : from) {
            String name = header.getKey().toLowerCase();
            if (!HOP_BY_HOP.contains(name) && !listed.contains(name) && !name.equals("host") && !name.equals(REQUEST_ID.toLowerCase())
                    && !name.startsWith("x-forwarded-") && !name.equals(TRACEPARENT) && !name.equals(TraceContext.TRACESTATE)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static String requestId(HttpServerRequest request) {
        String given = request.getHeader(REQUEST_ID);
        return given != null && GIVEN_REQUEST_ID.matcher(given).matches() ? given : newRequestId();
    }

    /**
     * A new request id: a random (version 4) UUID. It correlates logs and is no secret, so it comes from the event loop's
     * own generator rather than {@link UUID#randomUUID()}'s SecureRandom, which every request took a shared lock for.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L; // the IETF variant
        return new UUID(high, low).toString();
    }

    /** The gateway is the edge: what a client claims in X-Forwarded-For is replaced by its address. */
    private static String forwardedFor(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
