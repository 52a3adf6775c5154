package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.domain.SessionRules;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.AgendaItemRepository;
import dev.mentoring.sessions.persistence.MentoringSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Sessions' agendas: the items the two people add, order and tick before or during a session, while it is scheduled
 * and until it ends. Each change answers the session with its agenda. Changing or removing an item needs its ETag
 * (If-Match): the item is locked, and a stale version is 412, a missing one 428.
 */
@ApplicationScoped
public class Agendas {

    private final CallingParticipant me;
    private final AgendaItemRepository agendas;
    private final Clock clock;

    Agendas(CallingParticipant me, AgendaItemRepository agendas, Clock clock) {
        this.me = me;
        this.agendas = agendas;
        this.clock = clock;
    }

    /** Adds an item at the end, or at the position given (from 1). */
    @WithTransaction
    public Uni<AgendaItemEdit> add(UUID sessionId, String text, Integer position) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text", "must not be blank");
        }
        return me.find().chain(my -> me.session(my, sessionId).chain(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            SessionRules.checkAgendaOpen(s.state, s.endsAt, now);
            return agendas.agendaOf(s.id).chain(agenda -> {
                SessionRules.checkAgendaRoom(agenda.size());
                AgendaItem item = AgendaItem.of(s.id, agenda.size() + 1, text, my.id(), now);
                place(agenda, item, position == null ? agenda.size() + 1 : position);
                return item.persist().chain(() -> withAgenda(s)).map(changed -> new AgendaItemEdit(changed, item));
            });
        }));
    }

    /** Changes an item's text, ticks it, or moves it, at the version {@code ifMatch} names; only what is given changes. */
    @WithTransaction
    public Uni<AgendaItemEdit> change(UUID sessionId, UUID itemId, String text, Boolean done, Integer position, String ifMatch) {
        if (text != null && text.isBlank()) {
            throw ProblemException.badRequest("text", "must not be blank");
        }
        return me.find().chain(my -> me.session(my, sessionId).chain(s -> {
            SessionRules.checkAgendaOpen(s.state, s.endsAt, OffsetDateTime.now(clock));
            return agendas.inSessionForChange(itemId, s.id).chain(item -> {
                if (item == null) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                EntityTags.check(ifMatch, item.version, true, "the agenda item");
                // every change in memory first, so that each item is written (and its version raised) once
                return agendas.agendaOf(s.id).chain(agenda -> {
                    if (position != null) {
                        List<AgendaItem> others = new ArrayList<>(agenda);
                        others.remove(item);
                        place(others, item, position);
                    }
                    if (text != null) {
                        item.text = text.strip();
                    }
                    if (done != null) {
                        item.done = done;
                    }
                    return withAgenda(s);
                }).map(agenda -> new AgendaItemEdit(agenda, item));
            });
        }));
    }

    /** Removes an item, at the version {@code ifMatch} names, and numbers the others again. */
    @WithTransaction
    public Uni<AgendaItemEdit> remove(UUID sessionId, UUID itemId, String ifMatch) {
        return me.find().chain(my -> me.session(my, sessionId).chain(s -> {
            SessionRules.checkAgendaOpen(s.state, s.endsAt, OffsetDateTime.now(clock));
            return agendas.inSessionForChange(itemId, s.id).chain(item -> {
                if (item == null) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                EntityTags.check(ifMatch, item.version, true, "the agenda item");
                return agendas.delete(item).chain(agendas::flush);
            }).chain(() -> agendas.agendaOf(s.id)).chain(rest -> {
                place(rest, null, 0);
                return withAgenda(s);
            }).map(agenda -> new AgendaItemEdit(agenda, null));
        }));
    }

    /**
     * Puts the item (not among {@code others}) at the position (1-based, within bounds) and numbers them all from 1; with
     * no item, numbers the others again. Only an item whose number changes is written.
     */
    private static void place(List<AgendaItem> others, AgendaItem item, int position) {
        List<AgendaItem> ordered = new ArrayList<>(others);
        if (item != null) {
            ordered.add(Math.max(0, Math.min(position - 1, ordered.size())), item);
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position != i + 1) {
                ordered.get(i).position = i + 1;
            }
        }
    }

    private Uni<SessionWithAgenda> withAgenda(MentoringSession s) {
        return agendas.agendaOf(s.id).map(agenda -> new SessionWithAgenda(s, agenda));
    }
}
