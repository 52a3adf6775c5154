package dev.mentoring.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.mentoring.notification.application.Inboxes;
import dev.mentoring.notification.domain.NoticeKind;

/** What the inbox's API reads and writes. */
public final class NotificationViews {

    private NotificationViews() {
    }

    @Schema(name = "Notification", description = "One notification of the caller's inbox")
    public record NotificationView(
            UUID id,
            @Schema(description = "Its place in the caller's inbox: later ones have higher places; the live stream's event id") long position,
            @Schema(description = "What it tells (new types may be added; show an unknown one by its text)", type = SchemaType.STRING, implementation = NoticeKind.class) String type,
            @Schema(description = "When what it tells happened") OffsetDateTime occurredAt,
            boolean read,
            @Schema(implementation = String.class, format = "date-time", nullable = true) OffsetDateTime readAt,
            @Schema(description = "A short text in the caller's language, times in their time zone") String text,
            @Schema(implementation = String.class, format = "uuid", nullable = true, description = "The partnership to open") UUID partnershipId,
            @Schema(implementation = String.class, format = "uuid", nullable = true, description = "The mentorship request to open (a request's id becomes its partnership's)") UUID requestId,
            @Schema(implementation = String.class, format = "uuid", nullable = true) UUID sessionId,
            @Schema(implementation = String.class, format = "uuid", nullable = true) UUID evaluationId,
            @Schema(implementation = String.class, format = "uuid", nullable = true) UUID goalId,
            @Schema(implementation = String.class, format = "uuid", nullable = true) UUID actionItemId,
            @Schema(implementation = String.class, format = "date-time", nullable = true, description = "The session's start, for session notifications") OffsetDateTime startsAt) {

        static NotificationView of(Inboxes.Notification n) {
            var row = n.row();
            return new NotificationView(row.id(), row.position(), row.kind(), row.occurredAt(), row.readAt() != null, row.readAt(), n.text(),
                    row.partnershipId(), row.requestId(), row.sessionId(), row.evaluationId(), row.goalId(), row.actionItemId(), row.startsAt());
        }
    }

    @Schema(name = "UnreadCount")
    public record UnreadCountView(@Schema(description = "How many of the caller's notifications are unread") long unread) {
    }

    @Schema(name = "MarkedRead")
    public record MarkedReadView(@Schema(description = "How many notifications this marked read") int marked) {
    }

    @Schema(name = "NotificationPreferences", description = "The caller's inbox preferences")
    public record PreferencesView(
            @Schema(nullable = true, description = "The language chosen for the texts (en, da); null: the first of the profile's languages that texts are written in, else en") String language,
            @Schema(description = "The language texts are written in now") String effectiveLanguage,
            @Schema(description = "The notification types the caller is not told about") List<NoticeKind> muted) {

        static PreferencesView of(Inboxes.Preferences p) {
            return new PreferencesView(p.chosenLanguage(), p.language(), p.muted());
        }
    }

    @Schema(name = "NotificationPreferencesInput")
    public record PreferencesInput(
            @Schema(nullable = true, description = "en or da; null for the profile's language") @Size(max = 8) String language,
            @Schema(description = "Notification types not to be told about from now on (what came before stays)") @Size(max = 50) List<String> muted) {
    }
}
