package dev.mentoring.notification.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Webhook deliveries and their attempts. Made inside the event consumer's transaction (one per event and endpoint,
 * idempotent by event id); claimed for sending by one instance at a time with a lease, one per endpoint and ordering key
 * (the oldest pending one of each), outside any transaction; their outcome written in the use case's transaction.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /** A delivery claimed for sending, with what its endpoint signs and sends with. */
    public record Claimed(UUID id, String tenant, UUID endpointId, UUID eventId, String eventType, String body, int tries, String url,
            String secret, String previousSecret, OffsetDateTime previousUntil) {
    }

    /** A delivery as its endpoint's log shows it. */
    public record DeliveryRow(long seq, UUID id, UUID eventId, String eventType, String state, int attempts, OffsetDateTime nextAttemptAt,
            Integer lastStatus, Integer lastLatencyMs, String lastError, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
    }

    /** One attempt of a delivery. */
    public record AttemptRow(OffsetDateTime attemptedAt, Integer status, int latencyMs, String error) {
    }

    /** The advisory lock the claims take, one at a time ("webhook" in ASCII). */
    static final long CLAIM_LOCK = 0x776562686f6f6bL;

    private static final String DELIVERY_COLUMNS = """
            seq, id, event_id, event_type, state, attempts, next_attempt_at, last_status, last_latency_ms, last_error, created_at, delivered_at""";

    private final String claimSql;
    private final Pool pool;
    private final PreparedQuery<RowSet<Row>> log;
    private final PreparedQuery<RowSet<Row>> logInState;
    private final PreparedQuery<RowSet<Row>> one;
    private final PreparedQuery<RowSet<Row>> attempts;

    WebhookDeliveryRepository(Pool pool) {
        // the oldest pending delivery of each endpoint and ordering key, due and not leased, of enabled endpoints, as many of
        // a tenant as it has places left of $2 (its deliveries leased now, by any instance, take places) and $3 in all; the
        // outer conditions are checked again on a row another instance changed meanwhile
        this.claimSql = """
                with leased as (
                    select tenant, count(*) as n from webhook_delivery
                    where state = 'PENDING' and lease_until >= $1 group by tenant),
                due as (
                    select d.id from webhook_delivery d
                    where d.id in (
                        select ranked.id from (
                            select c.id, c.tenant, row_number() over (partition by c.tenant order by c.seq) as place
                            from webhook_delivery c join webhook_endpoint e on e.id = c.endpoint_id and e.enabled
                            where c.state = 'PENDING' and c.next_attempt_at <= $1 and (c.lease_until is null or c.lease_until < $1)
                              and not exists (select 1 from webhook_delivery p where p.endpoint_id = c.endpoint_id
                                              and p.ordering_key = c.ordering_key and p.state = 'PENDING' and p.seq < c.seq)) ranked
                        left join leased l on l.tenant = ranked.tenant
                        where ranked.place <= $2 and ranked.place <= $2 - coalesce(l.n, 0))
                      and d.state = 'PENDING' and (d.lease_until is null or d.lease_until < $1)
                    order by d.seq limit $3
                    for update of d skip locked)
                update webhook_delivery d set lease = $4, lease_until = $5
                from due, webhook_endpoint e
                where d.id = due.id and e.id = d.endpoint_id
                returning d.id, d.tenant, d.endpoint_id, d.event_id, d.event_type, d.body, d.tries, e.url, e.secret, e.previous_secret,
                          e.previous_until""";
        this.pool = pool;
        this.log = pool.preparedQuery("select " + DELIVERY_COLUMNS
                + " from webhook_delivery where endpoint_id = $1 and tenant = $2 and seq < $3 order by seq desc limit $4");
        this.logInState = pool.preparedQuery("select " + DELIVERY_COLUMNS
                + " from webhook_delivery where endpoint_id = $1 and tenant = $2 and seq < $3 and state = $5 order by seq desc limit $4");
        this.one = pool.preparedQuery("select " + DELIVERY_COLUMNS + " from webhook_delivery where id = $1 and endpoint_id = $2 and tenant = $3");
        this.attempts = pool.preparedQuery("""
                select attempted_at, status, latency_ms, error from webhook_attempt where delivery_id = $1 order by id desc limit $2""");
    }

    /**
     * In the consumer's transaction: a pending delivery of the event to each enabled endpoint of its tenant that asked for
     * its type (none twice: a redelivered event adds nothing); answers how many.
     */
    public Uni<Integer> fanOut(String tenant, UUID eventId, String type, String orderingKey, String body, OffsetDateTime now) {
        return session().chain(session -> session.createNativeQuery("""
                insert into webhook_delivery (id, tenant, endpoint_id, event_id, event_type, ordering_key, body, state, attempts, tries,
                                              next_attempt_at, created_at)
                select gen_random_uuid(), e.tenant, e.id, cast(?1 as uuid), cast(?2 as varchar), cast(?3 as varchar), cast(?4 as text),
                       'PENDING', 0, 0, cast(?5 as timestamptz), cast(?5 as timestamptz)
                from webhook_endpoint e
                where e.tenant = cast(?6 as varchar) and e.enabled
                  and position(',' || cast(?2 as varchar) || ',' in ',' || e.event_types || ',') > 0
                on conflict (endpoint_id, event_id) do nothing""")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, orderingKey).setParameter(4, body)
                .setParameter(5, now).setParameter(6, tenant)
                .executeUpdate());
    }

    /** Claims up to {@code limit} deliveries (at most {@code perTenant} of one tenant) for the lease given, until {@code leaseUntil}. */
    public Uni<List<Claimed>> claim(OffsetDateTime now, int perTenant, int limit, UUID lease, OffsetDateTime leaseUntil) {
        // claims are made one at a time on the whole platform (a transaction lock, held for the one statement): each sees
        // the leases the one before took, so a tenant's places hold across instances
        return pool.withTransaction(connection -> connection.query("select pg_advisory_xact_lock(" + CLAIM_LOCK + ")").execute()
                .chain(() -> connection.preparedQuery(claimSql).execute(Tuple.of(now, perTenant, limit, lease, leaseUntil)))).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            for (Row row : rows) {
                claimed.add(new Claimed(row.getUUID("id"), row.getString("tenant"), row.getUUID("endpoint_id"), row.getUUID("event_id"),
                        row.getString("event_type"), row.getString("body"), row.getInteger("tries"), row.getString("url"),
                        row.getString("secret"), row.getString("previous_secret"), row.getOffsetDateTime("previous_until")));
            }
            return claimed;
        });
    }

    /**
     * The outcome of one attempt, if the lease is still this one's (else nothing: answers null): the attempt in the log,
     * and the delivery delivered, failed for good, or due again at {@code nextAttemptAt}. Answers the endpoint's id.
     */
    public Uni<UUID> recordAttempt(UUID id, UUID lease, String state, OffsetDateTime attemptedAt, OffsetDateTime nextAttemptAt, Integer status,
            int latencyMs, String error) {
        return session().chain(session -> session.createNativeQuery("""
                update webhook_delivery set attempts = attempts + 1, tries = tries + 1, state = cast(?3 as varchar),
                       next_attempt_at = coalesce(cast(?5 as timestamptz), next_attempt_at), lease = null, lease_until = null,
                       last_status = cast(?6 as integer), last_latency_ms = ?7, last_error = cast(?8 as varchar),
                       delivered_at = case when cast(?3 as varchar) = 'DELIVERED' then cast(?4 as timestamptz) else delivered_at end
                where id = cast(?1 as uuid) and lease = cast(?2 as uuid)
                returning endpoint_id""", UUID.class)
                .setParameter(1, id).setParameter(2, lease).setParameter(3, state).setParameter(4, attemptedAt)
                .setParameter(5, nextAttemptAt).setParameter(6, status).setParameter(7, latencyMs).setParameter(8, error)
                .getResultList()
                .chain(endpoints -> endpoints.isEmpty() ? Uni.createFrom().nullItem() : session.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, status, latency_ms, error)
                        values (cast(?1 as uuid), cast(?2 as timestamptz), cast(?3 as integer), ?4, cast(?5 as varchar))""")
                        .setParameter(1, id).setParameter(2, attemptedAt).setParameter(3, status).setParameter(4, latencyMs)
                        .setParameter(5, error).executeUpdate().replaceWith(endpoints.get(0))));
    }

    /**
     * Queues a delivery of the endpoint again, to be tried at once with the whole retry schedule, unless it is being sent
     * now (leased); answers whether it was queued.
     */
    public Uni<Boolean> requeue(String tenant, UUID endpointId, UUID id, OffsetDateTime now) {
        return session().chain(session -> session.createNativeQuery("""
                update webhook_delivery set state = 'PENDING', tries = 0, next_attempt_at = cast(?4 as timestamptz), delivered_at = null
                where id = cast(?1 as uuid) and endpoint_id = cast(?2 as uuid) and tenant = cast(?3 as varchar)
                  and (lease_until is null or lease_until < cast(?4 as timestamptz))""")
                .setParameter(1, id).setParameter(2, endpointId).setParameter(3, tenant).setParameter(4, now)
                .executeUpdate()).map(updated -> updated > 0);
    }

    /** The endpoint's deliveries, newest first, before the given place (null: from the newest), optionally in one state. */
    public Uni<List<DeliveryRow>> log(String tenant, UUID endpointId, String state, Long before, int limit) {
        long upTo = before == null ? Long.MAX_VALUE : before;
        Uni<RowSet<Row>> rows = state == null ? log.execute(Tuple.of(endpointId, tenant, upTo, limit))
                : logInState.execute(Tuple.of(endpointId, tenant, upTo, limit, state));
        return rows.map(set -> {
            List<DeliveryRow> found = new ArrayList<>();
            set.forEach(row -> found.add(delivery(row)));
            return found;
        });
    }

    public Uni<DeliveryRow> one(String tenant, UUID endpointId, UUID id) {
        return one.execute(Tuple.of(id, endpointId, tenant)).map(set -> set.size() == 0 ? null : delivery(set.iterator().next()));
    }

    /** A delivery's attempts, newest first, at most {@code limit}. */
    public Uni<List<AttemptRow>> attempts(UUID deliveryId, int limit) {
        return attempts.execute(Tuple.of(deliveryId, limit)).map(set -> {
            List<AttemptRow> found = new ArrayList<>();
            set.forEach(row -> found.add(new AttemptRow(row.getOffsetDateTime("attempted_at"), row.getInteger("status"),
                    row.getInteger("latency_ms"), row.getString("error"))));
            return found;
        });
    }

    private static DeliveryRow delivery(Row row) {
        return new DeliveryRow(row.getLong("seq"), row.getUUID("id"), row.getUUID("event_id"), row.getString("event_type"),
                row.getString("state"), row.getInteger("attempts"), row.getOffsetDateTime("next_attempt_at"), row.getInteger("last_status"),
                row.getInteger("last_latency_ms"), row.getString("last_error"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("delivered_at"));
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
