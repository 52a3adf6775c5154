package dev.mentoring.plumbing.problem;

import io.smallrye.mutiny.CompositeException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A failure and the failures it carries: its causes, and the causes of a Mutiny {@link CompositeException} (a failure
 * of a combination, or of a callback run after another failure). Every decision the services take on a failure's kind
 * (409 for a race, 503 for a database away, a redelivery, a key fetched again) looks through them, because Mutiny,
 * Hibernate and Vert.x wrap what happened in their own exceptions.
 */
public final class Causes {

    /** How many failures are looked at: a chain longer than this is cut, as is a loop of causes. */
    static final int MOST = 64;

    private Causes() {
    }

    /**
     * The failure and what it carries, outermost first, each once; empty for null. Depth first: a failure's cause chain
     * before a composite's other causes, so that a plain chain reads in its own order and the first failure of a
     * composite (its cause) with all it carries comes before the failures that followed it.
     */
    public static List<Throwable> of(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Throwable> open = new ArrayDeque<>();
        if (failure != null) {
            open.push(failure);
        }
        while (!open.isEmpty() && found.size() < MOST) {
            Throwable next = open.pop();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            if (next instanceof CompositeException composite) {
                List<Throwable> causes = composite.getCauses();
                for (int i = causes.size() - 1; i >= 0; i--) {
                    open.push(causes.get(i));
                }
            }
            if (next.getCause() != null) {
                open.push(next.getCause()); // on top: looked at next
            }
        }
        return found;
    }

    /** The first of {@link #of} that passes the test. */
    public static Optional<Throwable> first(Throwable failure, Predicate<? super Throwable> test) {
        return of(failure).stream().filter(test).findFirst();
    }

    /** Whether any of {@link #of} passes the test. */
    public static boolean any(Throwable failure, Predicate<? super Throwable> test) {
        return first(failure, test).isPresent();
    }

    /** Whether any of {@link #of} is of this type. */
    public static boolean any(Throwable failure, Class<? extends Throwable> type) {
        return any(failure, type::isInstance);
    }

    /**
     * For a log: each failure's simple class name, with its message when {@code messages}, outermost first, joined by
     * {@code " <- "} and cut at {@code most} characters.
     */
    public static String describe(Throwable failure, boolean messages, int most) {
        String text = of(failure).stream()
                .map(cause -> cause.getClass().getSimpleName() + (messages ? ": " + cause.getMessage() : ""))
                .collect(Collectors.joining(" <- "));
        return text.length() <= most ? text : text.substring(0, most);
    }
}
