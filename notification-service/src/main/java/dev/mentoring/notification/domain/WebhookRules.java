package dev.mentoring.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.mentoring.contracts.EventCatalog;
import dev.mentoring.plumbing.rules.RuleViolation;

/**
 * Webhook endpoints and their deliveries, as the Standard Webhooks specification (standardwebhooks.com) has them: what
 * an endpoint may be (an https URL without credentials, one or more of the platform's event types), its signing secret,
 * the signature of a delivery, and when a failed delivery is tried again.
 */
public final class WebhookRules {

    public static final int MAX_URL = 2000;
    public static final int MAX_DESCRIPTION = 200;
    /** The prefix of a signing secret; the rest is the base64 of its 32 random bytes. */
    public static final String SECRET_PREFIX = "whsec_";
    /** How long the secret before a rotation keeps signing beside the new one, so that a receiver can switch over. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    /** How many bytes of a receiver's answer are read (for the delivery log); the rest is not. */
    public static final int MAX_ANSWER_BYTES = 1024;
    /** How long an error in the delivery log may be. */
    public static final int MAX_ERROR = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookRules() {
    }

    /** Every event type an endpoint may ask for: the contract's, as the AsyncAPI document lists them. */
    public static List<String> eventTypes() {
        return EventCatalog.names();
    }

    /** The endpoint's event types, checked and without repeats, in the order given. */
    public static List<String> eventTypes(List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            throw new RuleViolation("eventTypes", "names at least one event type");
        }
        Set<String> known = Set.copyOf(eventTypes());
        List<RuleViolation.Fault> faults = new ArrayList<>();
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            String type = asked.get(i);
            if (type == null || !known.contains(type)) {
                faults.add(new RuleViolation.Fault("eventTypes[" + i + "]", "is not an event type of the platform (GET /webhooks/event-types lists them)"));
            } else {
                kept.add(type);
            }
        }
        if (!faults.isEmpty()) {
            throw new RuleViolation(faults);
        }
        return List.copyOf(kept);
    }

    /**
     * The endpoint's URL, checked: absolute, https (http only where the deployment allows it, for a local receiver),
     * a host, no user name or password (they would end up in logs), no fragment, at most {@value #MAX_URL} characters.
     */
    public static URI url(String text, boolean httpAllowed) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("url", "is required");
        }
        if (text.length() > MAX_URL) {
            throw new RuleViolation("url", "is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new RuleViolation("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            throw new RuleViolation("url", httpAllowed ? "must be an https or http URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RuleViolation("url", "has no host");
        }
        if (uri.getPort() > 65535) {
            throw new RuleViolation("url", "has a port above 65535");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RuleViolation("url", "must not hold a user name or password: verify the signature instead");
        }
        if (uri.getRawFragment() != null) {
            throw new RuleViolation("url", "must not have a fragment");
        }
        return uri.normalize();
    }

    /** The endpoint's description: optional, at most {@value #MAX_DESCRIPTION} characters. */
    public static String description(String text) {
        if (text != null && text.length() > MAX_DESCRIPTION) {
            throw new RuleViolation("description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A new signing secret: {@value #SECRET_PREFIX} and the base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} header of a delivery: {@code v1,} and the base64 HMAC-SHA256 of
     * {@code id.timestamp.body} under each secret given (the current one, and the one before a rotation while it still
     * signs), separated by spaces.
     */
    public static String signature(String messageId, long timestampSeconds, String body, List<String> secrets) {
        byte[] content = (messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
                signatures.add("v1," + Base64.getEncoder().encodeToString(mac.doFinal(content)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        }
        return String.join(" ", signatures);
    }

    /**
     * When to try a delivery again after its {@code tries}-th failed try (1 for the first), or null when the schedule is
     * over and the delivery has failed: the schedule's step, give or take a fifth (jitter, so that deliveries that
     * failed together do not come back together).
     */
    public static Duration retryAfter(List<Duration> schedule, int tries, RandomGenerator random) {
        if (tries < 1 || tries > schedule.size()) {
            return null;
        }
        long millis = schedule.get(tries - 1).toMillis();
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + (jitter == 0 ? 0 : random.nextLong(2 * jitter + 1)));
    }

    /** An error for the delivery log: one line, at most {@value #MAX_ERROR} characters. */
    public static String error(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\r\\n\\t\\x00]+", " ").strip();
        return line.length() <= MAX_ERROR ? line : line.substring(0, MAX_ERROR - 1) + "…";
    }
}
