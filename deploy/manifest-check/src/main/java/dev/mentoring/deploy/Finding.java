package dev.mentoring.deploy;

/**
 * One defect the checker found: which check, in which overlay, on which resource ({@code Kind/name}), where in it
 * (a JSON pointer, or empty) and what is wrong.
 */
public record Finding(String check, String overlay, String resource, String path, String message) {

    @Override
    public String toString() {
        return "[" + overlay + "] " + check + ": " + resource + (path == null || path.isEmpty() ? "" : " at " + path) + ": "
                + message;
    }
}
