package dev.mentoring.e2e;

import java.util.Map;

import io.restassured.specification.RequestSpecification;

/**
 * Demo callers by tenant and role, with real tokens: people by password grant, HR platforms and analytics
 * clients by client credentials.
 */
final class Callers {

    private static final Map<String, String> CLIENT_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private Callers() {
    }

    /** The demo user or client of this tenant holding this role ({@code n}: which of the tenant's mentors/mentees). */
    static String name(String tenant, String role, int n) {
        return switch (role) {
            case "mentee" -> tenant + "-mentee" + n;
            case "mentor" -> tenant + "-mentor" + n;
            case "program-admin" -> tenant + "-admin";
            case "integration" -> "hr-" + tenant;
            case "analytics" -> "analytics-" + tenant;
            default -> throw new IllegalArgumentException("no demo caller holds the role " + role + ": add one to the realm");
        };
    }

    /** A real token of this demo user, or of this HR or analytics client (client credentials). */
    static String token(String name) {
        return name.startsWith("hr-") || name.startsWith("analytics-")
                ? CLIENT_TOKENS.computeIfAbsent(name, client -> Platform.clientToken(client, client + "-local-secret"))
                : Platform.tokenOf(name);
    }

    /** A request through the gateway as this demo user or HR client. */
    static RequestSpecification as(String name) {
        return Platform.anonymous().header("Authorization", "Bearer " + token(name));
    }
}
