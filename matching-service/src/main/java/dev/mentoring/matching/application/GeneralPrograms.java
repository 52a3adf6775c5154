package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.ProgramEvents;
import dev.mentoring.matching.events.ProgramPublisher;
import dev.mentoring.matching.persistence.ProgramRepository;
import dev.mentoring.plumbing.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Announces each tenant's general program ({@code program.created}), which is made without a request of its own (the
 * first time a tenant needs it, or by the migration that brought programs), so that the other services and analytics
 * learn it as they learn every program. Safe on several instances at once: a pass claims the unannounced rows with
 * {@code FOR UPDATE SKIP LOCKED} and marks them in the statement that reads them, so each is announced once.
 */
@ApplicationScoped
public class GeneralPrograms {

    static final int BATCH = 500;

    private final ProgramRepository programs;
    private final Outbox outbox;
    private final Clock clock;

    GeneralPrograms(ProgramRepository programs, Outbox outbox, Clock clock) {
        this.programs = programs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(identity = "general-program-announcement", every = "${mentoring.matching.announce-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return announce().replaceWithVoid();
    }

    /** One pass; answers how many general programs were announced. */
    @WithTransaction
    public Uni<Integer> announce() {
        return programs.announceGenerals(OffsetDateTime.now(clock), BATCH)
                .chain(announced -> outbox.appendAll(announced.stream()
                        .map(program -> ProgramPublisher.program(program, ProgramEvents.CREATED, program.createdAt)).toList())
                        .replaceWith(announced.size()));
    }
}
