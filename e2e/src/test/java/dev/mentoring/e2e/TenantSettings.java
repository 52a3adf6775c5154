package dev.mentoring.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tenant-wide settings a generated test may overwrite with valid values (partnership limits, match
 * weights, feedback thresholds): saved before, put back after, so other tests meet the tenant as it was.
 */
final class TenantSettings {

    private static final String[] PATHS = { "/api/v1/matching/settings/partnership-limits", "/api/v1/matching/settings/weights",
            "/api/v1/feedback/settings" };

    private final String admin;
    private final Map<String, String> saved = new LinkedHashMap<>();

    private TenantSettings(String admin) {
        this.admin = admin;
        for (String path : PATHS) {
            saved.put(path, Platform.as(admin).get(path).then().statusCode(200).extract().asString());
        }
    }

    static TenantSettings save(String admin) {
        return new TenantSettings(admin);
    }

    void restore() {
        saved.forEach((path, body) -> Platform.as(admin).contentType("application/json").body(body).put(path)
                .then().statusCode(200));
    }
}
