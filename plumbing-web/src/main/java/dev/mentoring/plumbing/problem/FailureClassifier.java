package dev.mentoring.plumbing.problem;

import java.util.Optional;

/**
 * Recognises a failure that is not a bug although nothing mapped it, e.g. two writers racing for one row,
 * and names the problem to answer. {@link ProblemResponses} asks every such bean before it answers 500; the
 * data plumbing contributes the database's conflicts, so the web part needs no database types.
 */
public interface FailureClassifier {

    /** The problem to answer for this failure (anywhere in its cause chain), or empty when it is not recognised. */
    Optional<Problem> classify(Throwable failure, String path);
}
