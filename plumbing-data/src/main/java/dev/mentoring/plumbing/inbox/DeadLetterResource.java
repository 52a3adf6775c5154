package dev.mentoring.plumbing.inbox;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.apache.kafka.common.KafkaException;

import dev.mentoring.plumbing.availability.DatabaseAway;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A program admin's view of the events this service's consumers gave up on (its dead-letter topic), for their tenant,
 * and the replay of one once the cause is fixed ({@link DeadLetterDesk}). Every service that reads events has it; one
 * that reads none lists nothing.
 */
@Path("/dead-letters")
@Tag(name = "Dead letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("program-admin")
public class DeadLetterResource {

    /** The dead letters of the caller's tenant. */
    public record DeadLetterList(@Schema(description = "Oldest first; at most 2,000") List<DeadLetterDesk.DeadLetter> items) {
    }

    /** What a replay did. */
    public record Replay(DeadLetterDesk.DeadLetter deadLetter,
            @Schema(description = "HANDLED: the consumer handled the event now; HANDLED_BEFORE: it had been handled "
                    + "(a replay or a later delivery), nothing changed again; SKIPPED: this service no longer handles its type",
                    enumeration = { "HANDLED", "HANDLED_BEFORE", "SKIPPED" }) String outcome) {
    }

    private static final String HANDLED = "select event_id from processed_event where event_id = any($1)";
    /** The longest a replay waits for its handling: below the gateway's route timeout (15 s). */
    private static final java.time.Duration REPLAY_WAIT = java.time.Duration.ofSeconds(12);

    private final DeadLetterDesk desk;
    private final Caller caller;
    private final Pool pool;

    DeadLetterResource(DeadLetterDesk desk, Caller caller, Pool pool) {
        this.desk = desk;
        this.caller = caller;
        this.pool = pool;
    }

    @GET
    @Operation(operationId = DeadLetterDocument.LIST, summary = "The events this service gave up on, for your tenant",
            description = "Each with why (reason, cause), the event's id and type, where it was read (topic, partition, "
                    + "offset), and whether it is handled by now. Events carry no free text, and none is shown.")
    public Uni<DeadLetterList> list() {
        String tenant = caller.tenant();
        Context context = Vertx.currentContext();
        return blocking(context, () -> desk.of(tenant))
                .chain(found -> handled(found.stream().map(f -> f.letter().eventId()).collect(Collectors.toSet()))
                        .map(handled -> new DeadLetterList(found.stream()
                                .map(f -> DeadLetterDesk.judged(f.letter(), handled.contains(f.letter().eventId())))
                                .toList())));
    }

    @POST
    @Path("/{deadLetterId}/replay")
    @Operation(operationId = DeadLetterDocument.REPLAY, summary = "Hand a dead letter to its consumer again, once the cause is fixed",
            description = "Idempotent: an event handled before changes nothing again. The dead letter stays on the topic "
                    + "and is listed as handled.")
    @APIResponse(responseCode = "200", description = "What the replay did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Replay.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter of your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This service no longer reads the topic the event came from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The event still cannot be handled; the detail says why",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Replay> replay(@PathParam("deadLetterId")
            @Parameter(description = "The dead letter's id, <partition>-<offset>, as listed") String deadLetterId) {
        String tenant = caller.tenant();
        Context context = Vertx.currentContext();
        return blocking(context, () -> desk.find(tenant, deadLetterId)).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ProblemException.notFound("Dead letter", deadLetterId));
            }
            DeadLetterDesk.DeadLetter letter = found.get().letter();
            EventDispatch dispatch = desk.dispatchFor(letter).orElse(null);
            if (dispatch == null) {
                return Uni.createFrom().failure(new ProblemException(409, "Conflict",
                        "This service no longer reads " + letter.topic() + ", where the event came from"));
            }
            return handled(Set.of(letter.eventId())).chain(before -> {
                if (!before.isEmpty()) {
                    return Uni.createFrom().item(new Replay(DeadLetterDesk.judged(letter, true), "HANDLED_BEFORE"));
                }
                if (!dispatch.handledTypes().contains(letter.eventType())) {
                    return Uni.createFrom().item(new Replay(letter, "SKIPPED"));
                }
                return dispatch.dispatch(found.get().cloudEvent())
                        // a handling that waits out a database away (Redelivery) answers within the gateway's route timeout
                        .ifNoItem().after(REPLAY_WAIT).failWith(() -> new ProblemException(503, "Service Unavailable",
                                "The event is still being handled (the database may be away); replay again shortly"))
                        .onFailure(failure -> !(failure instanceof ProblemException) && !DatabaseAway.isAway(failure))
                        .transform(failure -> new ProblemException(422, "Unprocessable Content",
                                "The event still cannot be handled: " + brief(failure)))
                        .map(done -> new Replay(DeadLetterDesk.judged(letter, true), "HANDLED"));
            });
        });
    }

    /**
     * Runs Kafka's blocking reads on a worker thread, and goes on in the request's own context; a broker that cannot be
     * read now (away, too slow, refusing) is 503 with Retry-After.
     */
    private static <T> Uni<T> blocking(Context context, Supplier<T> read) {
        Uni<T> off = Uni.createFrom().item(read).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure(KafkaException.class).transform(failure -> new ProblemException(503, "Service Unavailable",
                        "The dead-letter topic cannot be read just now; try again shortly"));
        return context == null ? off : off.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Which of these event ids a consumer of this service has handled. */
    private Uni<Set<String>> handled(Set<String> eventIds) {
        UUID[] ids = eventIds.stream().filter(id -> id != null).map(UUID::fromString).toArray(UUID[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().item(Set.of());
        }
        return pool.preparedQuery(HANDLED).execute(Tuple.of(ids))
                .map(rows -> {
                    Set<String> handled = new java.util.HashSet<>();
                    for (Row row : rows) {
                        handled.add(row.getUUID(0).toString());
                    }
                    return handled;
                });
    }

    private static String brief(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
