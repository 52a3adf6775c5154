package dev.mentoring.sessions.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** session-service's settings, from configuration (the environment overrides). */
@ConfigMapping(prefix = "mentoring.sessions")
public interface SessionSettings {

    /** How far back a session may be scheduled or moved, to record one that already took place. */
    @WithDefault("14d")
    Duration pastWindow();

    /** A cancellation closer than this to the start is marked late. */
    @WithDefault("24h")
    Duration lateCancellation();

    /** Note encryption: keys by id (Base64 of 32 bytes, AES-256) and the id new notes are written with. */
    NoteKeys noteKeys();

    /** The public base URL of the secret calendar feeds (as the gateway serves them). */
    @WithDefault("http://127.0.0.1:8080/api/v1/sessions/calendar-feeds")
    String feedBaseUrl();

    /** How often the reminder job runs ({@code off} disables it, as in tests). */
    @WithDefault("1m")
    String reminderInterval();

    /** How often the overdue action item job runs ({@code off} disables it). */
    @WithDefault("15m")
    String overdueInterval();

    interface NoteKeys {
        String active();

        Map<String, String> keys();
    }
}
