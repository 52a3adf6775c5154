package dev.mentoring.sessions.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.sessions.domain.SessionRules;
import dev.mentoring.sessions.persistence.AgendaItem;
import dev.mentoring.sessions.persistence.AgendaItemRepository;
import dev.mentoring.sessions.persistence.MentoringSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Sessions' agendas: the items the two people add, order and tick before or during a session, while it is scheduled
 * and until it ends. Each change answers the session with its agenda.
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
    public Uni<SessionWithAgenda> add(UUID sessionId, String text, Integer position) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text", "must not be blank");
        }
        return me.id().chain(my -> me.session(my, sessionId).chain(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            SessionRules.checkAgendaOpen(s.state, s.endsAt, now);
            return agendas.countOf(s.id).chain(count -> {
                SessionRules.checkAgendaRoom(count);
                AgendaItem item = AgendaItem.of(s.id, count.intValue() + 1, text, my, now);
                return item.persist().chain(() -> position == null ? Uni.createFrom().voidItem() : move(s.id, item.id, position));
            }).chain(() -> withAgenda(s));
        }));
    }

    /** Changes an item's text, ticks it, or moves it; only what is given changes. */
    @WithTransaction
    public Uni<SessionWithAgenda> change(UUID sessionId, UUID itemId, String text, Boolean done, Integer position) {
        return me.id().chain(my -> me.session(my, sessionId).chain(s -> {
            SessionRules.checkAgendaOpen(s.state, s.endsAt, OffsetDateTime.now(clock));
            return agendas.inSession(itemId, s.id).chain(item -> {
                if (item == null) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                if (text != null) {
                    if (text.isBlank()) {
                        throw ProblemException.badRequest("text", "must not be blank");
                    }
                    item.text = text.strip();
                }
                if (done != null) {
                    item.done = done;
                }
                return position == null ? Uni.createFrom().voidItem() : move(s.id, item.id, position);
            }).chain(() -> withAgenda(s));
        }));
    }

    /** Removes an item and numbers the others again. */
    @WithTransaction
    public Uni<SessionWithAgenda> remove(UUID sessionId, UUID itemId) {
        return me.id().chain(my -> me.session(my, sessionId).chain(s -> {
            SessionRules.checkAgendaOpen(s.state, s.endsAt, OffsetDateTime.now(clock));
            return agendas.removeFromSession(itemId, s.id).chain(removed -> {
                if (!removed) {
                    throw ProblemException.notFound("agenda item", itemId);
                }
                return move(s.id, null, 0);
            }).chain(() -> withAgenda(s));
        }));
    }

    /** Puts the item at the position (1-based) and numbers the others around it; with no item, renumbers. */
    private Uni<Void> move(UUID sessionId, UUID itemId, int position) {
        return agendas.agendaOf(sessionId).invoke(items -> {
            AgendaItem moved = items.stream().filter(i -> i.id.equals(itemId)).findFirst().orElse(null);
            List<AgendaItem> others = new ArrayList<>(items);
            if (moved != null) {
                others.remove(moved);
                others.add(Math.max(0, Math.min(position - 1, others.size())), moved);
            }
            for (int i = 0; i < others.size(); i++) {
                others.get(i).position = i + 1;
            }
        }).replaceWithVoid();
    }

    private Uni<SessionWithAgenda> withAgenda(MentoringSession s) {
        return agendas.agendaOf(s.id).map(agenda -> new SessionWithAgenda(s, agenda));
    }
}
