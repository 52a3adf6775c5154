package dev.mentoring.plumbing.idempotency;

/**
 * The answer to a request that may be retried with the same {@code Idempotency-Key}: its status and
 * JSON body, and whether it is a replay of the first answer.
 */
public record IdempotentAnswer(int status, Object body, boolean replayed) {

    /** Header added to a replayed answer. */
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Header a client sends to make a creating request safe to retry. */
    public static final String KEY_HEADER = "Idempotency-Key";

    public static IdempotentAnswer of(int status, Object body) {
        return new IdempotentAnswer(status, body, false);
    }
}
