package dev.mentoring.plumbing.tenancy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import dev.mentoring.plumbing.problem.Causes;

/**
 * The log of bearer tokens that were not accepted: at INFO at most once every 10 s, naming the path and the kinds of
 * failure only (their messages may quote the token's claims: a person's ids), and each one whole at DEBUG. So that a
 * 401 to a token its client held valid leaves a trace in the instance that answered it, without a log line per bad token.
 */
public final class TokenRefusals {

    private static final Logger LOG = Logger.getLogger(TokenRefusals.class);
    /** When the next line may be logged at INFO (0: now). */
    static final AtomicLong NEXT_NOTE = new AtomicLong();

    private TokenRefusals() {
    }

    /** A token the verification did not accept for this path, with why. */
    public static void note(String path, Throwable failure) {
        if (due(NEXT_NOTE)) {
            LOG.infof("Token not accepted for %s (more within 10 s at DEBUG only): %s", path, kinds(failure));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf(failure, "Token not accepted for %s", path);
        }
    }

    /**
     * Whether a line logged at most every 10 s may be logged now; if so, the next one waits 10 s. {@code next} holds
     * when the next one may be (0: now); the gateway's "token not verified" warning is limited by it too.
     */
    public static boolean due(AtomicLong next) {
        long now = System.nanoTime();
        long at = next.get();
        return (at == 0 || now - at >= 0) && next.compareAndSet(at, now + TimeUnit.SECONDS.toNanos(10));
    }

    /** The classes of a failure and its causes, outermost first, without their messages. */
    static String kinds(Throwable failure) {
        return Causes.describe(failure, false, 500);
    }
}
