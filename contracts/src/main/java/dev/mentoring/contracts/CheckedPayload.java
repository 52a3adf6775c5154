package dev.mentoring.contracts;

import java.util.Optional;

/**
 * A payload that can tell, after it was read, why a consumer must not apply it (a required field missing, a state
 * the contract does not know). Consumers never guess: such an event goes to their dead-letter topic with the reason.
 */
public interface CheckedPayload {

    /** Why this payload cannot be applied, or empty when it can. */
    Optional<String> unusable();
}
