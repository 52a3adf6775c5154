package dev.mentoring.notification.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.notification.domain.Notice;
import dev.mentoring.notification.domain.NoticeKind;
import dev.mentoring.notification.domain.NoticeTexts;
import dev.mentoring.notification.persistence.InboxReads;
import dev.mentoring.notification.persistence.InboxReads.NotificationRow;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The caller's own inbox: their notifications (newest first, or only the unread), the unread count, marking read, their
 * preferences, and the live stream. Only a person has one (a token with an employee id and a participant profile); each
 * reads and marks only their own, so another person's notification id is 404 like one that does not exist.
 * <p>
 * The token is read once, when a use case starts ({@link #me()}); what follows works from {@link Me}.
 */
@ApplicationScoped
public class Inboxes {

    /** The calling person, their texts' language and zone, and their preferences' version. */
    public record Me(String tenant, UUID id, String language, ZoneId zone, String chosenLanguage, List<String> profileLanguages,
            List<NoticeKind> muted, long version) {
    }

    /** A notification with its text in the person's language. */
    public record Notification(NotificationRow row, NoticeKind kind, String text) {
    }

    /** The person's preferences: the language they chose (null: their profile's), the one texts use, the kinds muted. */
    public record Preferences(String chosenLanguage, String language, List<NoticeKind> muted, long version) {
    }

    private final Caller caller;
    private final InboxReads reads;
    private final LiveStreams streams;
    private final Clock clock;

    Inboxes(Caller caller, InboxReads reads, LiveStreams streams, Clock clock) {
        this.caller = caller;
        this.reads = reads;
        this.streams = streams;
        this.clock = clock;
    }

    /** The caller as {@link Me}; 403 for a token without an employee id or a person without a profile. */
    public Uni<Me> me() {
        String employeeId = caller.employeeId().orElseThrow(() -> new ProblemException(403, "Forbidden",
                "Only a person (a token with an employee_id) has an inbox"));
        String tenant = caller.tenant();
        return reads.person(tenant, employeeId).map(person -> {
            if (person == null) {
                throw new ProblemException(403, "Forbidden", "You have no participant profile yet");
            }
            List<NoticeKind> muted = person.muted().stream().map(NoticeKind::named).filter(k -> k != null).toList();
            return new Me(tenant, person.id(), NoticeTexts.languageOf(person.chosenLanguage(), person.languages()),
                    NoticeTexts.zoneOf(person.timeZone()), person.chosenLanguage(), person.languages(), muted, person.version());
        });
    }

    /** A page of the caller's notifications, newest first; only the unread ones if asked. */
    public Uni<Page<Notification>> list(PageRequest page, boolean unreadOnly) {
        Long before = page.afterKey(1, parts -> Long.valueOf(parts[0]));
        return me().chain(me -> reads.newestFirst(me.tenant(), me.id(), before == null ? Long.MAX_VALUE : before, unreadOnly, page.limit() + 1)
                .map(rows -> page.page(rows, row -> String.valueOf(row.position()), row -> notification(me, row))));
    }

    /** One of the caller's notifications; 404 if they have none with that id. */
    public Uni<Notification> one(UUID id) {
        return me().chain(me -> reads.one(me.tenant(), me.id(), id).map(row -> found(me, id, row)));
    }

    /** How many of the caller's notifications are unread. */
    public Uni<Long> unreadCount() {
        return me().chain(me -> reads.unreadCount(me.tenant(), me.id()));
    }

    /** Marks one of the caller's notifications read; 404 if they have none with that id. */
    public Uni<Notification> markRead(UUID id) {
        return me().chain(me -> reads.markRead(me.tenant(), me.id(), id, OffsetDateTime.now(clock)).map(row -> found(me, id, row)));
    }

    /** Marks the caller's unread notifications read, up to a place (the newest they saw, 0 or more) or all; answers how many. */
    public Uni<Integer> markAllRead(Long upTo) {
        return me().chain(me -> reads.markAllRead(me.tenant(), me.id(), OffsetDateTime.now(clock), upTo == null ? Long.MAX_VALUE : upTo));
    }

    /** The caller's preferences. */
    public Uni<Preferences> preferences() {
        return me().map(Inboxes::preferencesOf);
    }

    /**
     * Sets the caller's preferences: the language of the texts (one of {@link NoticeTexts#LANGUAGES}, or null for their
     * profile's) and the kinds they do not want to be told about from now on. If-Match, when sent, must name the version.
     */
    public Uni<Preferences> setPreferences(String language, List<String> muted, String ifMatch) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (language != null && !NoticeTexts.supported(language)) {
            errors.add(new Problem.FieldError("language", "must be one of " + NoticeTexts.LANGUAGES + " or null"));
        }
        LinkedHashSet<NoticeKind> kinds = new LinkedHashSet<>();
        List<String> given = muted == null ? List.of() : muted;
        for (int i = 0; i < given.size(); i++) {
            NoticeKind kind = NoticeKind.named(given.get(i));
            if (kind == null) {
                errors.add(new Problem.FieldError("muted[" + i + "]", "is not a notification type"));
            } else {
                kinds.add(kind);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", "The preferences are not valid", errors);
        }
        return me().chain(me -> {
            EntityTags.check(ifMatch, me.version(), false, "your inbox preferences");
            boolean conditional = ifMatch != null && !ifMatch.isBlank();
            List<String> names = kinds.stream().map(Enum::name).toList();
            return reads.savePreferences(me.tenant(), me.id(), language, names, conditional ? me.version() : null, OffsetDateTime.now(clock))
                    .map(version -> {
                        if (version == null) {
                            // changed since it was read (If-Match named the version read, "*" included)
                            throw new ProblemException(412, "Precondition Failed",
                                    "Your inbox preferences changed meanwhile; read them again",
                                    List.of(new Problem.FieldError(EntityTags.IF_MATCH, "does not name the latest version")));
                        }
                        return new Preferences(language, NoticeTexts.languageOf(language, me.profileLanguages()), List.copyOf(kinds), version);
                    });
        });
    }

    /**
     * The caller's live stream: what comes into their inbox from now on (or after the place {@code lastEventId}, so a
     * reconnect misses nothing), as it is committed, with its text; an empty item is a keep-alive tick. The answer comes
     * once the starting place is known.
     */
    public Uni<Multi<Optional<Notification>>> follow(Me me, Long lastEventId) {
        // the place it starts after is known before the stream begins (a notification committed after this is sent)
        return (lastEventId != null ? Uni.createFrom().item(lastEventId) : reads.latest(me.tenant(), me.id()))
                .map(start -> streams.follow(me.tenant(), me.id(), start).map(item -> item.map(row -> notification(me, row))));
    }

    private static Preferences preferencesOf(Me me) {
        return new Preferences(me.chosenLanguage(), me.language(), me.muted(), me.version());
    }

    /** The caller's notification as read, or 404 when they have none with that id. */
    private static Notification found(Me me, UUID id, NotificationRow row) {
        if (row == null) {
            throw ProblemException.notFound("notification", id);
        }
        return notification(me, row);
    }

    private static Notification notification(Me me, NotificationRow row) {
        NoticeKind kind = NoticeKind.named(row.kind());
        Notice.Refs refs = new Notice.Refs(row.partnershipId(), row.requestId(), row.sessionId(), row.evaluationId(), row.goalId(),
                row.actionItemId(), row.startsAt(), row.previousStartsAt(), row.detail());
        return new Notification(row, kind, kind == null ? row.kind() : NoticeTexts.text(kind, refs, me.language(), me.zone()));
    }
}
