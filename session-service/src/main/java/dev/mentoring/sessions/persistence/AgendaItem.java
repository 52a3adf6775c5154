package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One point on a session's agenda. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public boolean done;

    @Column(name = "added_by", nullable = false)
    public UUID addedBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Raised by every change (its ETag); a new item is at 1. */
    @Version
    @Column(nullable = false)
    public long version;

    /** A new agenda item at the position (from 1), its text stripped. */
    public static AgendaItem of(UUID sessionId, int position, String text, UUID by, OffsetDateTime now) {
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.sessionId = sessionId;
        item.position = position;
        item.text = text.strip();
        item.addedBy = by;
        item.createdAt = now;
        item.version = 1;
        return item;
    }
}
