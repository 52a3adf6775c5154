package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.sessions.events.SessionEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes {@code session.reminder-due} 24 hours and 1 hour before each scheduled session, exactly once
 * per occurrence and lead time: the session row is claimed (FOR UPDATE SKIP LOCKED) and marked in the
 * same transaction as the event, so restarts and several instances send none twice. A reminder whose time
 * passed while the service was down is still sent if the session has not started; the 24-hour one is
 * skipped when the 1-hour one is due too. Moving a session resets its reminders.
 */
@ApplicationScoped
public class Reminders {

    private final Outbox outbox;
    private final Clock clock;

    Reminders(Outbox outbox) {
        this.outbox = outbox;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(identity = "session-reminders", every = "${mentoring.sessions.reminder-interval:1m}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return publishDue().replaceWithVoid();
    }

    /** One pass; answers how many reminders were published. */
    @WithTransaction
    public Uni<Integer> publishDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return claim("reminder_hour_sent_at", "interval '1 hour'", now, "PT1H")
                .chain(hour -> claim("reminder_day_sent_at", "interval '24 hours'", now, "PT24H").map(day -> {
                    List<DomainEvent> all = new ArrayList<>(day);
                    all.addAll(hour);
                    return all;
                }))
                .chain(events -> outbox.appendAll(events).replaceWith(events.size()));
    }

    private Uni<List<DomainEvent>> claim(String column, String lead, OffsetDateTime now, String leadTime) {
        // the 1-hour claim also marks the 24-hour reminder as done: it would come too late to be useful
        String alsoDay = column.equals("reminder_hour_sent_at") ? ", reminder_day_sent_at = coalesce(reminder_day_sent_at, ?1)" : "";
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                update mentoring_session set %s = ?1%s
                where id in (select id from mentoring_session
                             where state = 'SCHEDULED' and %s is null and starts_at > ?1 and starts_at - %s <= ?1
                             order by starts_at limit 500 for update skip locked)
                returning cast(id as text), tenant, cast(partnership_id as text), cast(mentee_id as text),
                          cast(mentor_id as text), to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), time_zone""".formatted(column, alsoDay, column, lead),
                Object[].class).setParameter(1, now).getResultList())
                .map(rows -> {
                    List<DomainEvent> events = new ArrayList<>();
                    for (Object[] row : rows) {
                        events.add(SessionEvents.reminder((String) row[1], new SessionEvents.ReminderDue(
                                UUID.fromString((String) row[0]), UUID.fromString((String) row[2]), UUID.fromString((String) row[3]),
                                UUID.fromString((String) row[4]), OffsetDateTime.parse((String) row[5]), (String) row[6], leadTime)));
                    }
                    return events;
                });
    }
}
