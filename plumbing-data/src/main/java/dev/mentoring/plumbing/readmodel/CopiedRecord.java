package dev.mentoring.plumbing.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * What every copy of another service's record has: the id it has there, the tenant it belongs to and when the copy
 * last changed. A read-model entity extends this and adds what its service needs; {@link ReadModelCopies} makes new
 * ones for the tenant of the event that brings them.
 */
@MappedSuperclass
public abstract class CopiedRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The tenant the copy belongs to. */
    public String tenant() {
        return tenant;
    }
}
