package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.api.SessionViews;
import dev.mentoring.sessions.config.SessionSettings;
import dev.mentoring.sessions.domain.NoteCipher;
import dev.mentoring.sessions.domain.SessionEnums;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.MentoringSession;
import dev.mentoring.sessions.persistence.SessionNote;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What the two people bring to a session: agenda items (added, ordered and ticked before or during the
 * session) and notes. Shared notes are read by both, private ones only by their author; nobody else reads
 * either, program admins included. Note text is stored only encrypted.
 */
@ApplicationScoped
public class SessionContent {

    private final CallingParticipant me;
    private final Scheduling scheduling;
    private final NoteCipher cipher;
    private final Clock clock;

    SessionContent(CallingParticipant me, Scheduling scheduling, SessionSettings settings) {
        this.me = me;
        this.scheduling = scheduling;
        this.cipher = new NoteCipher(settings.noteKeys().active(), settings.noteKeys().keys());
        this.clock = Clock.systemUTC();
    }

    static AgendaItem agendaItem(UUID sessionId, int position, String text, UUID by, OffsetDateTime now) {
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.sessionId = sessionId;
        item.position = position;
        item.text = text.strip();
        item.addedBy = by;
        item.createdAt = now;
        return item;
    }

    /** The agenda is open until the session ends, while it is scheduled. */
    private void checkAgendaOpen(MentoringSession s) {
        if (s.state != SessionEnums.State.SCHEDULED || s.endsAt.isBefore(OffsetDateTime.now(clock))) {
            throw new ProblemException(409, "Conflict", "The agenda is closed: the session is " + s.state
                    + (s.state == SessionEnums.State.SCHEDULED ? " and over" : ""));
        }
    }

    public Uni<SessionViews.SessionView> addAgendaItem(UUID sessionId, SessionViews.AgendaInput in) {
        if (in.text() == null || in.text().isBlank()) {
            throw ProblemException.badRequest("text", "must not be blank");
        }
        return me.id().chain(my -> Panache.withTransaction(() -> scheduling.mine(my, sessionId).chain(s -> {
            checkAgendaOpen(s);
            return AgendaItem.count("sessionId", s.id).chain(count -> {
                if (count >= 50) {
                    throw ProblemException.unprocessable("text", "a session's agenda has at most 50 items");
                }
                AgendaItem item = agendaItem(s.id, count.intValue() + 1, in.text(), my, OffsetDateTime.now(clock));
                return item.persist().chain(() -> in.position() == null ? Uni.createFrom().voidItem() : move(s.id, item.id, in.position()));
            }).chain(() -> scheduling.view(s));
        })));
    }

    public Uni<SessionViews.SessionView> changeAgendaItem(UUID sessionId, UUID itemId, SessionViews.AgendaInput in) {
        return me.id().chain(my -> Panache.withTransaction(() -> scheduling.mine(my, sessionId).chain(s -> {
            checkAgendaOpen(s);
            return AgendaItem.<AgendaItem>find("id = ?1 and sessionId = ?2", itemId, s.id).firstResult().chain(item -> {
                if (item == null) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                if (in.text() != null) {
                    if (in.text().isBlank()) {
                        throw ProblemException.badRequest("text", "must not be blank");
                    }
                    item.text = in.text().strip();
                }
                if (in.done() != null) {
                    item.done = in.done();
                }
                return in.position() == null ? Uni.createFrom().voidItem() : move(s.id, item.id, in.position());
            }).chain(() -> scheduling.view(s));
        })));
    }

    public Uni<SessionViews.SessionView> removeAgendaItem(UUID sessionId, UUID itemId) {
        return me.id().chain(my -> Panache.withTransaction(() -> scheduling.mine(my, sessionId).chain(s -> {
            checkAgendaOpen(s);
            return AgendaItem.delete("id = ?1 and sessionId = ?2", itemId, s.id).chain(deleted -> {
                if (deleted == 0) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                return move(s.id, null, 0);
            }).chain(() -> scheduling.view(s));
        })));
    }

    /** Puts the item at the position (1-based) and numbers the others around it; with no item, renumbers. */
    private Uni<Void> move(UUID sessionId, UUID itemId, int position) {
        return AgendaItem.<AgendaItem>list("sessionId = ?1 order by position, createdAt", sessionId).invoke(items -> {
            AgendaItem moved = items.stream().filter(i -> i.id.equals(itemId)).findFirst().orElse(null);
            List<AgendaItem> others = new java.util.ArrayList<>(items);
            if (moved != null) {
                others.remove(moved);
                others.add(Math.max(0, Math.min(position - 1, others.size())), moved);
            }
            for (int i = 0; i < others.size(); i++) {
                others.get(i).position = i + 1;
            }
        }).replaceWithVoid();
    }

    private static String associated(SessionNote note) {
        return note.tenant + "/" + note.sessionId + "/" + note.id;
    }

    private SessionViews.NoteView view(SessionNote note) {
        return new SessionViews.NoteView(note.id, note.sessionId, note.authorId, note.visibility,
                cipher.open(new NoteCipher.Sealed(note.keyId, note.nonce, note.ciphertext), associated(note)),
                note.createdAt, note.updatedAt);
    }

    private void seal(SessionNote note, String text) {
        NoteCipher.Sealed sealed = cipher.seal(text, associated(note));
        note.keyId = sealed.keyId();
        note.nonce = sealed.nonce();
        note.ciphertext = sealed.ciphertext();
    }

    public Uni<SessionViews.NoteView> addNote(UUID sessionId, SessionViews.NoteInput in) {
        return me.id().chain(my -> Panache.withTransaction(() -> scheduling.mine(my, sessionId).chain(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            SessionNote note = new SessionNote();
            note.id = UUID.randomUUID();
            note.tenant = s.tenant;
            note.sessionId = s.id;
            note.authorId = my;
            note.visibility = in.visibility() == null ? SessionEnums.Visibility.SHARED : in.visibility();
            note.createdAt = now;
            note.updatedAt = now;
            seal(note, in.text());
            return note.persist().map(ignored -> view(note));
        })));
    }

    /** The notes the caller may read: shared ones and their own private ones. */
    public Uni<List<SessionViews.NoteView>> notes(UUID sessionId) {
        return me.id().chain(my -> Panache.withSession(() -> scheduling.mine(my, sessionId).chain(s ->
                SessionNote.<SessionNote>list("sessionId = ?1 and (visibility = ?2 or authorId = ?3) order by createdAt",
                        s.id, SessionEnums.Visibility.SHARED, my))
                .map(notes -> notes.stream().map(this::view).toList())));
    }

    private Uni<SessionNote> ownNote(UUID my, UUID sessionId, UUID noteId) {
        return scheduling.mine(my, sessionId).chain(s -> SessionNote.<SessionNote>find("id = ?1 and sessionId = ?2", noteId, s.id)
                .firstResult().map(note -> {
                    boolean readable = note != null && (note.authorId.equals(my) || note.visibility == SessionEnums.Visibility.SHARED);
                    if (!readable) {
                        throw ProblemException.notFound("note", noteId);
                    }
                    if (!note.authorId.equals(my)) {
                        throw new ProblemException(403, "Forbidden", "Only its author changes a note");
                    }
                    return note;
                }));
    }

    public Uni<SessionViews.NoteView> changeNote(UUID sessionId, UUID noteId, SessionViews.NoteInput in) {
        return me.id().chain(my -> Panache.withTransaction(() -> ownNote(my, sessionId, noteId).map(note -> {
            seal(note, in.text());
            if (in.visibility() != null) {
                note.visibility = in.visibility();
            }
            note.updatedAt = OffsetDateTime.now(clock);
            return view(note);
        })));
    }

    public Uni<Void> removeNote(UUID sessionId, UUID noteId) {
        return me.id().chain(my -> Panache.withTransaction(() -> ownNote(my, sessionId, noteId).chain(note -> note.delete())));
    }
}
