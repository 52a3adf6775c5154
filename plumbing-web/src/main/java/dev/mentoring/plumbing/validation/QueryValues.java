package dev.mentoring.plumbing.validation;

import java.util.Arrays;
import java.util.UUID;

import dev.mentoring.plumbing.problem.ProblemException;

/** Query parameters taken as text (so that a bad one is a 400 naming it, never a 404 from the framework), read here. */
public final class QueryValues {

    private QueryValues() {
    }

    /** The named query value as a constant of the enum; null when absent or empty; 400 naming the parameter and its values otherwise. */
    public static <E extends Enum<E>> E optionalEnum(Class<E> type, String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The named query value as a UUID; null when absent or empty; 400 naming the parameter otherwise. */
    public static UUID optionalUuid(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be a UUID or absent");
        }
    }
}
