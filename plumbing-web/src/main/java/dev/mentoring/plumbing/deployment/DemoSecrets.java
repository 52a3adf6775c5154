package dev.mentoring.plumbing.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The secrets committed in the source tree for local runs and tests (database passwords, the note key, the webhook
 * secret key, the demo realm's
 * client secrets), and the rule that a production run uses none of them. Plain Java: {@link ProductionGuard} feeds it
 * the packaged properties files and the effective configuration.
 */
public final class DemoSecrets {

    /** Setting names that hold secrets, in normalised form (lower case, every separator a dot). */
    private static final List<Pattern> SECRET_NAMES = List.of(
            Pattern.compile("quarkus\\.datasource(\\..+)?\\.password"),
            Pattern.compile("mentoring\\.sessions\\.note\\.keys\\.keys\\..+"),
            Pattern.compile("mentoring\\.webhooks\\.secret\\.keys\\.keys\\..+"),
            Pattern.compile("quarkus\\.oidc(\\..+)?\\.credentials(\\..+)?\\.(secret|value)"),
            Pattern.compile("(.+\\.)?sasl\\.jaas\\.config"));

    /** The demo realm's client secrets are all named {@code <client>-local-secret}. */
    private static final Pattern DEMO_REALM_SECRET = Pattern.compile(".*-local-secret");

    private static final Pattern PROFILE_PREFIX = Pattern.compile("^%[^.]+\\.");

    private DemoSecrets() {
    }

    /** Whether a setting (as a property or an environment variable name) holds a secret. */
    public static boolean isSecret(String name) {
        String normalised = normalise(name);
        return SECRET_NAMES.stream().anyMatch(p -> p.matcher(normalised).matches());
    }

    /** The secret values committed in packaged properties files, whatever profile they are written for. */
    public static Set<String> committedValues(List<Properties> packagedFiles) {
        Set<String> values = new HashSet<>();
        for (Properties file : packagedFiles) {
            for (String name : file.stringPropertyNames()) {
                String value = file.getProperty(name).trim();
                if (!value.isEmpty() && isSecret(name)) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /**
     * The secret settings whose effective value is a committed one or a demo realm secret, by normalised name (a
     * property and its environment variable are one setting), sorted; empty when the configuration is fit for
     * production. Names of another profile ({@code %local.x}) are not in effect and not looked at.
     */
    public static List<String> demoSecretsIn(Map<String, String> effective, Set<String> committed) {
        Set<String> found = new TreeSet<>();
        effective.forEach((name, value) -> {
            if (value != null && !name.startsWith("%") && isSecret(name)) {
                String v = value.trim();
                if (committed.contains(v) || DEMO_REALM_SECRET.matcher(v).matches()) {
                    found.add(normalise(name));
                }
            }
        });
        return new ArrayList<>(found);
    }

    static String normalise(String name) {
        return PROFILE_PREFIX.matcher(name).replaceFirst("").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
    }
}
