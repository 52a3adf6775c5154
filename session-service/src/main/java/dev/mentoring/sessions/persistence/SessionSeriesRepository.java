package dev.mentoring.sessions.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Recurring series. */
@ApplicationScoped
public class SessionSeriesRepository implements PanacheRepositoryBase<SessionSeries, UUID> {

    /** The series, write-locked until the transaction ends. */
    public Uni<SessionSeries> lockedForChange(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The series with these ids. */
    public Uni<List<SessionSeries>> withIds(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("id in ?1", ids);
    }

    /** Raises the SEQUENCE of series that lost occurrences: calendar apps take their EXDATEs only with a higher one. */
    public Uni<Void> raiseSequence(List<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().voidItem() : update("sequence = sequence + 1 where id in ?1", ids).replaceWithVoid();
    }
}
