package dev.mentoring.gateway.domain;

/**
 * One service's circuit breaker, per gateway instance. After {@code failureThreshold} failures in a row
 * (unreachable, timed out, or 502/503/504 from the service) it opens: requests are answered 503 at once,
 * without touching the service, for {@code openNanos}. Then one trial request is let through (half open):
 * its success closes the breaker, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** Whether a request may go to the service now; if not, how long until the next trial. */
    public record Permit(boolean allowed, long retryAfterSeconds) {
    }

    private final int failureThreshold;
    private final long openNanos;
    private State state = State.CLOSED;
    private int failuresInARow;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, long openNanos) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openNanos;
    }

    public synchronized Permit tryAcquire(long nowNanos) {
        if (state == State.OPEN && nowNanos - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.CLOSED) {
            return new Permit(true, 0);
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return new Permit(true, 0);
        }
        long left = state == State.OPEN ? openNanos - (nowNanos - openedAt) : openNanos;
        return new Permit(false, Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failuresInARow = 0;
        trialInFlight = false;
    }

    /** A request let through that ended neither way (the client went away): a trial may be made again. */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    public synchronized void failed(long nowNanos) {
        failuresInARow++;
        if (state == State.HALF_OPEN || failuresInARow >= failureThreshold) {
            state = State.OPEN;
            openedAt = nowNanos;
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        return state;
    }
}
