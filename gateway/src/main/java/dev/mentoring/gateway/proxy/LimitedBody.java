package dev.mentoring.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * A request body as it streams to the service, cut off once it grows past the route's limit: for bodies
 * that declare no length (chunked), which the Content-Length check cannot judge before they are read. The
 * request to the service is reset then, and the client answered 413.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final HttpServerRequest request;
    private final long limit;
    private long seen;
    private boolean cut;
    private Runnable onCut = () -> { };

    LimitedBody(HttpServerRequest request, long limit) {
        this.request = request;
        this.limit = limit;
    }

    /**
     * What to do when the body goes past the limit: reset the request to the service, so that it never sees a
     * truncated body as a whole one (a pipe would end it normally).
     */
    void onCut(Runnable action) {
        this.onCut = action;
    }

    /** Whether the body went past the limit and was cut off. */
    boolean cut() {
        return cut;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        request.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            request.handler(null);
            return this;
        }
        request.handler(chunk -> {
            if (cut) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                cut = true;
                onCut.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        request.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        request.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        request.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (endHandler == null) {
            // a pipe clears its handlers once the body is through, the request read to its end by then: the request's own
            // endHandler takes null then, but throws (stack trace and all) for a handler, which a pipe swallows
            request.endHandler(null);
            return this;
        }
        request.endHandler(end -> {
            if (!cut) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}
