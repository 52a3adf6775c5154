package dev.mentoring.notification.events;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.mentoring.notification.domain.AddressPolicy;
import dev.mentoring.notification.domain.WebhookRules;
import dev.mentoring.plumbing.problem.Causes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one webhook delivery over HTTP, as the Standard Webhooks specification has it: a POST of the CloudEvent (JSON)
 * with the {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} headers. Safe to point at any URL:
 * the host is resolved here and every address it resolves to is checked ({@link AddressPolicy}) before the connection is
 * made to the checked address (so a name that resolves elsewhere a moment later is not followed); redirects are not
 * followed; the connection and the answer have time limits; at most {@value WebhookRules#MAX_ANSWER_BYTES} bytes of the
 * answer are read.
 */
@ApplicationScoped
public class WebhookSender {

    /** The answer to one attempt: the HTTP status (null when none came), how long it took, and what went wrong. */
    public record Outcome(Integer status, int latencyMs, String error) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** A name lookup, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** How long a host's lookup may take, at registration and at each delivery. */
    public static final long LOOKUP_MILLIS = 10_000;

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;
    private final AddressPolicy policy;
    private final Resolver resolver;

    @Inject
    WebhookSender(Vertx vertx, WebhookSettings settings) {
        this(vertx, settings.connectTimeout().toMillis(), settings.timeout().toMillis(),
                AddressPolicy.allowing(settings.allowedNetworks().orElse(List.of())), host -> Arrays.asList(InetAddress.getAllByName(host)));
    }

    WebhookSender(Vertx vertx, long connectTimeoutMillis, long timeoutMillis, AddressPolicy policy, Resolver resolver) {
        this.vertx = vertx;
        this.timeoutMillis = timeoutMillis;
        this.policy = policy;
        this.resolver = resolver;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeoutMillis)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0)
                .setKeepAlive(true)
                .setMaxPoolSize(16)
                .setName("webhooks"));
    }

    /**
     * Why this URL's host may not receive webhooks (it resolves to a refused address), or empty; a host that does not
     * resolve now is not refused here (its deliveries fail and are tried again). The lookup runs off the event loop.
     */
    public Uni<Optional<String>> refusal(URI url) {
        String host = host(url);
        return lookup(host)
                .map(addresses -> refusal(url.getHost(), addresses))
                .onFailure().recoverWithItem(Optional.empty());
    }

    /** Sends the delivery; never fails (a failure is an outcome without a status). */
    public Uni<Outcome> send(URI url, String messageId, long timestampSeconds, String signature, String body) {
        long started = System.nanoTime();
        String host = host(url);
        return lookup(host)
                .chain(addresses -> {
                    Optional<String> refused = refusal(url.getHost(), addresses);
                    if (refused.isPresent()) {
                        return Uni.createFrom().item(new Outcome(null, millisSince(started), refused.get()));
                    }
                    return post(url, addresses.get(0), messageId, timestampSeconds, signature, body, started);
                })
                .onFailure().recoverWithItem(failure -> new Outcome(null, millisSince(started), describe(failure)));
    }

    /** The host's addresses, looked up off the event loop, within {@value #LOOKUP_MILLIS} ms. */
    private Uni<List<InetAddress>> lookup(String host) {
        return Uni.createFrom().completionStage(() -> vertx.<List<InetAddress>> executeBlocking(() -> resolver.resolve(host), false)
                .toCompletionStage())
                .ifNoItem().after(java.time.Duration.ofMillis(LOOKUP_MILLIS)).failWith(() -> new UnknownHostException(host + " (no answer in "
                        + LOOKUP_MILLIS + " ms)"));
    }

    private Uni<Outcome> post(URI url, InetAddress address, String messageId, long timestampSeconds, String signature, String body,
            long started) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(host(url))
                .setPort(port)
                .setSsl(tls)
                .setURI(path)
                .setFollowRedirects(false)
                .setIdleTimeout(timeoutMillis)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "mentoring-webhooks/1")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestampSeconds))
                .putHeader("webhook-signature", signature);
        return Uni.createFrom().<Outcome> emitter(emitter -> {
            AtomicBoolean done = new AtomicBoolean();
            java.util.concurrent.atomic.AtomicReference<HttpClientRequest> sending = new java.util.concurrent.atomic.AtomicReference<>();
            long timer = vertx.setTimer(timeoutMillis, id -> {
                if (done.compareAndSet(false, true)) {
                    HttpClientRequest late = sending.get();
                    if (late != null) {
                        late.reset();
                    }
                    emitter.complete(new Outcome(null, millisSince(started), "no answer within " + timeoutMillis + " ms"));
                }
            });
            client.request(options).onComplete(requested -> {
                if (requested.failed()) {
                    finish(done, timer, emitter::complete, new Outcome(null, millisSince(started), describe(requested.cause())));
                    return;
                }
                HttpClientRequest request = requested.result();
                if (done.get()) {
                    // the time ran out while the request waited for a connection: it is not sent late
                    request.reset();
                    return;
                }
                sending.set(request);
                request.send(Buffer.buffer(body)).onComplete(answered -> {
                    if (answered.failed()) {
                        finish(done, timer, emitter::complete, new Outcome(null, millisSince(started), describe(answered.cause())));
                        return;
                    }
                    HttpClientResponse response = answered.result();
                    Buffer head = Buffer.buffer();
                    response.handler(chunk -> {
                        if (head.length() < WebhookRules.MAX_ANSWER_BYTES) {
                            head.appendBuffer(chunk.slice(0, Math.min(chunk.length(), WebhookRules.MAX_ANSWER_BYTES - head.length())));
                        } else {
                            // enough: the rest is not read
                            request.reset();
                            finish(done, timer, emitter::complete, answer(response.statusCode(), head, started));
                        }
                    });
                    response.exceptionHandler(failure -> finish(done, timer, emitter::complete, answer(response.statusCode(), head, started)));
                    response.endHandler(end -> finish(done, timer, emitter::complete, answer(response.statusCode(), head, started)));
                });
            });
        });
    }

    private void finish(AtomicBoolean done, long timer, java.util.function.Consumer<Outcome> complete, Outcome outcome) {
        if (done.compareAndSet(false, true)) {
            vertx.cancelTimer(timer);
            complete.accept(outcome);
        }
    }

    private static Outcome answer(int status, Buffer head, long started) {
        if (status >= 200 && status < 300) {
            return new Outcome(status, millisSince(started), null);
        }
        String text = head.toString(java.nio.charset.StandardCharsets.UTF_8);
        String error = (status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status)
                + (text.isBlank() ? "" : ": " + text);
        return new Outcome(status, millisSince(started), WebhookRules.error(error));
    }

    private Optional<String> refusal(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("refused: " + host + " resolves to no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = policy.refusal(address);
            if (why.isPresent()) {
                return Optional.of("refused: " + host + " resolves to " + why.get());
            }
        }
        return Optional.empty();
    }

    /** The host to look up: an IPv6 literal without its brackets. */
    private static String host(URI url) {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String describe(Throwable failure) {
        // the outermost failure that says something, or the innermost
        Throwable cause = Causes.first(failure, t -> t.getMessage() != null || t.getCause() == null).orElse(failure);
        String what = cause instanceof UnknownHostException ? "the host does not resolve: " + cause.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return WebhookRules.error(what);
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
}
