package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.sessions.events.SessionPublisher;
import dev.mentoring.sessions.persistence.SessionRepository;
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

    private final SessionRepository sessions;
    private final Outbox outbox;
    private final Clock clock;

    Reminders(SessionRepository sessions, Outbox outbox, Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.clock = clock;
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
        // the 1-hour claim also marks the 24-hour reminder as done: it would come too late to be useful
        return sessions.claimHourReminders(now).chain(hour -> sessions.claimDayReminders(now).map(day -> {
            List<DomainEvent> all = new ArrayList<>();
            day.forEach(due -> all.add(SessionPublisher.reminderDue(due, "PT24H")));
            hour.forEach(due -> all.add(SessionPublisher.reminderDue(due, "PT1H")));
            return all;
        })).chain(events -> outbox.appendAll(events).replaceWith(events.size()));
    }
}
