package dev.mentoring.sessions.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mentoring.sessions.domain.SessionEnums;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A note on a session; its text only ever stored encrypted (see KeyedCipher). */
@Entity
@Table(name = "session_note")
public class SessionNote extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String tenant;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public UUID authorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionEnums.Visibility visibility;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public byte[] nonce;

    @Column(nullable = false)
    public byte[] ciphertext;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Raised by every change (its ETag); a new note is at 1. */
    @Version
    @Column(nullable = false)
    public long version;
}
