package dev.mentoring.feedback.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Complementary suppression of counts that are parts of a shown total (partnerships by health state; a program's
 * figure against the tenant's and the other programs'): a count drawn from fewer than {@link Figure#MIN_PEOPLE} people
 * is hidden ({@link Figure}), and then, so that a total less the shown parts never gives a hidden count away, further
 * parts of the same line are hidden, smallest first, until at least two non-empty parts are hidden and they together rest
 * on at least {@link Figure#MIN_PEOPLE} people; if a line runs out of parts first, its total is hidden too. A count may be a part of
 * several lines (a program's at-risk partnerships: of the program's partnerships, and of the tenant's at-risk ones), so
 * the lines are gone through again until nothing more is hidden. Parts hidden because they are empty (no people) give
 * nothing away and ask for no companion: "nobody" is not anyone's figure.
 */
public final class Suppression {

    /** A count before suppression, with the people it rests on (one person may count in several parts). */
    public record Count(long value, long people) {
    }

    /** A total and its parts, by the ids of their counts. */
    private record Line(List<Object> parts, Object total) {
    }

    private final Map<Object, Count> counts = new LinkedHashMap<>();
    private final List<Line> lines = new ArrayList<>();

    /** A new table of counts. */
    public static Suppression table() {
        return new Suppression();
    }

    private Suppression() {
    }

    /** A count, by an id of the caller's (equal ids, one count). */
    public Suppression count(Object id, Count count) {
        counts.put(id, count);
        return this;
    }

    /** An empty count (nothing, nobody) for an id that has none yet. */
    public Suppression countIfAbsent(Object id) {
        counts.putIfAbsent(id, new Count(0, 0));
        return this;
    }

    /** The counts {@code parts} add up to the count {@code total} (each id's count, or an empty one where none was given). */
    public Suppression line(List<?> parts, Object total) {
        lines.add(new Line(List.copyOf(parts), total));
        return this;
    }

    /** Every count as shown, by its id. */
    public Map<Object, Figure> shown() {
        Set<Object> hidden = new HashSet<>();
        for (Map.Entry<Object, Count> c : counts.entrySet()) {
            if (c.getValue().people() < Figure.MIN_PEOPLE) {
                hidden.add(c.getKey());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                changed |= complete(line, hidden);
            }
        }
        Map<Object, Figure> shown = new LinkedHashMap<>();
        counts.forEach((id, c) -> shown.put(id, hidden.contains(id) ? Figure.hidden() : Figure.of(c.value(), c.people())));
        return shown;
    }

    /**
     * Hides companions in one line until it gives nothing away: no hidden part, or only empty ones, or at least two hidden
     * that rest on enough people together (one hidden part alone is its total less the shown ones). Answers whether it
     * hid any.
     */
    private boolean complete(Line line, Set<Object> hidden) {
        if (hidden.contains(line.total())) {
            return false;
        }
        boolean hid = false;
        while (!safe(line, hidden)) {
            Object smallest = null;
            for (Object part : line.parts()) {
                if (!hidden.contains(part) && (smallest == null || of(part).value() < of(smallest).value())) {
                    smallest = part;
                }
            }
            // every part hidden and still too few people: the total would tell their sum
            hidden.add(smallest == null ? line.total() : smallest);
            hid = true;
            if (smallest == null) {
                break;
            }
        }
        return hid;
    }

    private boolean safe(Line line, Set<Object> hidden) {
        int nonEmpty = 0;
        long people = 0;
        for (Object part : line.parts()) {
            if (hidden.contains(part)) {
                people += of(part).people();
                if (of(part).people() > 0) {
                    nonEmpty++;
                }
            }
        }
        // two hidden parts, one of them empty, give the other away as surely as one alone
        return nonEmpty == 0 || nonEmpty >= 2 && people >= Figure.MIN_PEOPLE;
    }

    private Count of(Object id) {
        return counts.getOrDefault(id, new Count(0, 0));
    }
}
