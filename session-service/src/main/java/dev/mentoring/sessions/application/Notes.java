package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.crypto.KeyedCipher;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.persistence.SessionNote;
import dev.mentoring.sessions.persistence.SessionNoteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * Notes on sessions: shared ones are read by both people, private ones only by their author; nobody else reads either,
 * program admins included. Only the author changes a note, sending its ETag (If-Match, required); its text is stored
 * only encrypted. Built at startup, so that a run with note keys that do not fit (the active key missing, a key not
 * 32 bytes) does not start.
 */
@ApplicationScoped
@Startup
public class Notes {

    private final CallingParticipant me;
    private final SessionNoteRepository notes;
    private final KeyedCipher cipher;
    private final Clock clock;

    Notes(CallingParticipant me, SessionNoteRepository notes, SessionSettings settings, Clock clock) {
        this.me = me;
        this.notes = notes;
        this.cipher = new KeyedCipher("note", settings.noteKeys().active(), settings.noteKeys().keys());
        this.clock = clock;
    }

    /** Writes a note on one of the caller's sessions: SHARED (the default) or PRIVATE. */
    @WithTransaction
    public Uni<ReadableNote> add(UUID sessionId, String text, SessionEnums.Visibility visibility) {
        return me.find().chain(my -> me.session(my, sessionId).chain(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            SessionNote note = new SessionNote();
            note.id = UUID.randomUUID();
            note.tenant = s.tenant;
            note.sessionId = s.id;
            note.authorId = my.id();
            note.visibility = visibility == null ? SessionEnums.Visibility.SHARED : visibility;
            note.createdAt = now;
            note.updatedAt = now;
            note.version = 1;
            seal(note, text);
            return note.persist().map(ignored -> opened(note));
        }));
    }

    /** A page of the notes the caller may read (shared ones and their own private ones), oldest first. */
    @WithSession
    public Uni<Page<ReadableNote>> of(UUID sessionId, PageRequest page) {
        PageRequest.TimeAndId after = page.afterTimeAndId();
        return me.find().chain(my -> me.session(my, sessionId).chain(s -> notes.readableBy(s.id, my.id(),
                after == null ? null : after.at(), after == null ? null : after.id(), page.limit())))
                .map(rows -> page.page(rows, n -> PageRequest.key(n.createdAt.toInstant(), n.id), this::opened));
    }

    /** Changes the text (and the visibility, when given) of the caller's own note, at the version {@code ifMatch} names. */
    @WithTransaction
    public Uni<ReadableNote> change(UUID sessionId, UUID noteId, String text, SessionEnums.Visibility visibility, String ifMatch) {
        return me.find().chain(my -> ownNote(my, sessionId, noteId).map(note -> {
            EntityTags.check(ifMatch, note.version, true, "the note");
            seal(note, text);
            if (visibility != null) {
                note.visibility = visibility;
            }
            note.updatedAt = OffsetDateTime.now(clock);
            return opened(note);
        }));
    }

    /** Deletes the caller's own note, at the version {@code ifMatch} names. */
    @WithTransaction
    public Uni<Void> remove(UUID sessionId, UUID noteId, String ifMatch) {
        return me.find().chain(my -> ownNote(my, sessionId, noteId).chain(note -> {
            EntityTags.check(ifMatch, note.version, true, "the note");
            return notes.delete(note);
        }));
    }

    /** A note the caller wrote, locked for the change; 404 for one they may not read, 403 for the other's shared one. */
    private Uni<SessionNote> ownNote(CallingParticipant.Me my, UUID sessionId, UUID noteId) {
        return me.session(my, sessionId).chain(s -> notes.inSessionForChange(noteId, s.id).map(note -> {
            boolean readable = note != null && (note.authorId.equals(my.id()) || note.visibility == SessionEnums.Visibility.SHARED);
            if (!readable) {
                throw ProblemException.notFound("note", noteId);
            }
            if (!note.authorId.equals(my.id())) {
                throw new ProblemException(403, "Forbidden", "Only its author changes a note");
            }
            return note;
        }));
    }


    private static String associated(SessionNote note) {
        return note.tenant + "/" + note.sessionId + "/" + note.id;
    }

    private ReadableNote opened(SessionNote note) {
        return new ReadableNote(note, cipher.open(new KeyedCipher.Sealed(note.keyId, note.nonce, note.ciphertext), associated(note)));
    }

    private void seal(SessionNote note, String text) {
        KeyedCipher.Sealed sealed = cipher.seal(text, associated(note));
        note.keyId = sealed.keyId();
        note.nonce = sealed.nonce();
        note.ciphertext = sealed.ciphertext();
    }
}
