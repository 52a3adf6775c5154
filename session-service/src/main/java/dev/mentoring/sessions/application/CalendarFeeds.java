package dev.mentoring.sessions.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.ICalendar;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.persistence.CalendarFeed;
import dev.mentoring.sessions.persistence.CalendarFeedRepository;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.SessionRepository;
import dev.mentoring.sessions.persistence.SessionSeries;
import dev.mentoring.sessions.persistence.SessionSeriesRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A person's sessions as an iCalendar feed: with their token, or through a secret URL for calendar apps
 * that cannot send one. The secret is shown once; only its SHA-256 is kept; renewing replaces it and
 * revoking removes it.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CallingParticipant me;
    private final CalendarFeedRepository feeds;
    private final SessionRepository sessions;
    private final SessionSeriesRepository series;
    private final SessionSettings settings;
    private final Clock clock;

    CalendarFeeds(CallingParticipant me, CalendarFeedRepository feeds, SessionRepository sessions, SessionSeriesRepository series,
            SessionSettings settings, Clock clock) {
        this.me = me;
        this.feeds = feeds;
        this.sessions = sessions;
        this.series = series;
        this.settings = settings;
        this.clock = clock;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's feed. */
    @WithSession
    public Uni<String> mine() {
        return me.find().chain(my -> feed(my.tenant(), my.id()));
    }

    /** Makes (or renews) the caller's secret feed URL; answers the URL, shown this once. */
    @WithTransaction
    public Uni<String> renew() {
        return me.find().chain(my -> feeds.findById(my.id()).chain(existing -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            CalendarFeed feed = existing != null ? existing : new CalendarFeed();
            feed.participantId = my.id();
            feed.tenant = my.tenant();
            feed.secretHash = hash(secret);
            feed.createdAt = OffsetDateTime.now(clock);
            return feed.persist().map(ignored -> settings.feedBaseUrl() + "/" + secret);
        }));
    }

    /** Revokes the caller's secret feed URL. */
    @WithTransaction
    public Uni<Void> revoke() {
        return me.find().chain(my -> feeds.deleteById(my.id())).replaceWithVoid();
    }

    /** The feed behind a secret URL; 404 for a secret that is not (or no longer) valid. */
    @WithSession
    public Uni<String> bySecret(String secret) {
        if (secret == null || secret.length() > 100) {
            throw ProblemException.notFound("calendar feed", "given");
        }
        return feeds.bySecretHash(hash(secret)).chain(feed -> {
            if (feed == null) {
                throw ProblemException.notFound("calendar feed", "given");
            }
            return feed(feed.tenant, feed.participantId);
        });
    }

    /** Sessions that end from a day ago on, each series with its rule, exceptions and overrides. */
    private Uni<String> feed(String tenant, UUID participant) {
        OffsetDateTime from = OffsetDateTime.now(clock).minusDays(1);
        return sessions.ofParticipantEndingFrom(tenant, participant, from).chain(found -> {
            List<UUID> seriesIds = found.stream().map(s -> s.seriesId).filter(java.util.Objects::nonNull).distinct().toList();
            return series.withIds(seriesIds).chain(all -> sessions.ofSeries(seriesIds).map(occ -> write(found, all, occ)));
        });
    }

    private String write(List<MentoringSession> sessions, List<SessionSeries> series, List<MentoringSession> occurrences) {
        List<ICalendar.Event> events = new ArrayList<>();
        for (MentoringSession s : sessions) {
            if (s.seriesId == null) {
                events.add(new ICalendar.Event(ICalendar.uid(s.id), s.sequence, s.localStart, ZoneId.of(s.timeZone),
                        s.durationMinutes, s.placeOrLink, s.state == SessionEnums.State.CANCELLED, null, null, null,
                        s.updatedAt.toInstant()));
            }
        }
        Map<UUID, List<MentoringSession>> bySeries = new LinkedHashMap<>();
        occurrences.forEach(o -> bySeries.computeIfAbsent(o.seriesId, k -> new ArrayList<>()).add(o));
        for (SessionSeries s : series) {
            ZoneId zone = ZoneId.of(s.timeZone);
            List<MentoringSession> own = bySeries.getOrDefault(s.id, List.of());
            Instant modified = own.stream().map(o -> o.updatedAt.toInstant()).max(Instant::compareTo).orElse(s.createdAt.toInstant());
            String place = own.isEmpty() ? null : own.get(0).placeOrLink;
            List<java.time.LocalDateTime> exdates = own.stream().filter(o -> o.state == SessionEnums.State.CANCELLED)
                    .map(o -> o.recurrenceId.atZoneSameInstant(zone).toLocalDateTime()).toList();
            events.add(new ICalendar.Event(ICalendar.uid(s.id), s.sequence, s.firstLocalStart, zone, s.durationMinutes, place,
                    false, s.rrule, exdates, null, modified));
            for (MentoringSession o : own) {
                java.time.LocalDateTime recurrence = o.recurrenceId.atZoneSameInstant(zone).toLocalDateTime();
                boolean moved = !o.localStart.equals(recurrence) || !o.timeZone.equals(s.timeZone)
                        || o.durationMinutes != s.durationMinutes || o.sequence > 0;
                if (o.state != SessionEnums.State.CANCELLED && moved) {
                    events.add(new ICalendar.Event(ICalendar.uid(s.id), o.sequence, o.localStart, ZoneId.of(o.timeZone),
                            o.durationMinutes, o.placeOrLink, false, null, null, recurrence, o.updatedAt.toInstant()));
                }
            }
        }
        return ICalendar.write("Mentoring sessions", events, Instant.now(clock));
    }
}
