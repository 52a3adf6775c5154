package dev.mentoring.plumbing.readmodel;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.plumbing.inbox.Inbox;
import dev.mentoring.plumbing.inbox.ReceivedEvent;
import io.smallrye.mutiny.Uni;

/**
 * The upkeep of a copy of another service's record, written once: inside the consumer's transaction, the event is
 * applied only the first time this consumer sees it (inbox); the copy is found or made; a copy of another tenant is
 * never touched (the event fails, and the dead-letter topic gets it with the reason); an event older than what the
 * copy holds changes nothing. Then the consumer's own change runs.
 */
@ApplicationScoped
public class ReadModelCopies {

    private final Inbox inbox;

    ReadModelCopies(Inbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Applies the event to the copy of record {@code id} once: {@code existing} finds the copy by id (in any tenant, or
     * null), {@code blank} makes a new one (given this id and the event's tenant here), {@code stale} tells an event older
     * than the copy, {@code change} changes and saves it. Call inside the consumer's transaction.
     *
     * @param what names the record in the refusal, e.g. {@code partnership}
     */
    public <C extends CopiedRecord> Uni<Void> apply(String consumer, ReceivedEvent event, String what, UUID id, Uni<C> existing,
            Supplier<C> blank, Predicate<C> stale, Function<C, Uni<Void>> change) {
        return inbox.firstDelivery(consumer, event.id()).chain(first -> !first ? Uni.createFrom().voidItem()
                : existing.chain(found -> {
                    if (found != null && !found.tenant.equals(event.tenant())) {
                        return Uni.createFrom().failure(new IllegalArgumentException(what + " of another tenant"));
                    }
                    if (found != null && stale.test(found)) {
                        return Uni.createFrom().voidItem(); // an older state arriving late, or a repeat under a new id
                    }
                    if (found != null) {
                        return change.apply(found);
                    }
                    C copy = blank.get();
                    copy.id = id;
                    copy.tenant = event.tenant();
                    return change.apply(copy);
                }));
    }
}
