package dev.mentoring.notification.persistence;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A person's inbox as the API and the live streams read and mark it, straight on the reactive client: every statement
 * is one, scoped by tenant and person, so no Hibernate session or transaction is needed (the live streams read outside
 * any request). Writes here are single idempotent statements.
 */
@ApplicationScoped
public class InboxReads {

    /** The person behind a token: their participant id, profile languages and time zone, and inbox preferences. */
    public record Person(UUID id, String timeZone, List<String> languages, String chosenLanguage, List<String> muted, long version) {
    }

    /** One stored notification. */
    public record NotificationRow(long position, UUID id, String kind, OffsetDateTime occurredAt, UUID partnershipId, UUID requestId,
            UUID sessionId, UUID evaluationId, UUID goalId, UUID actionItemId, OffsetDateTime startsAt, OffsetDateTime previousStartsAt,
            String detail, OffsetDateTime readAt) {
    }

    private static final String COLUMNS = """
            position, id, kind, occurred_at, partnership_id, request_id, session_id, evaluation_id, goal_id, action_item_id, starts_at,
            previous_starts_at, detail, read_at""";

    private final PreparedQuery<RowSet<Row>> person;
    private final PreparedQuery<RowSet<Row>> newestFirst;
    private final PreparedQuery<RowSet<Row>> unreadNewestFirst;
    private final PreparedQuery<RowSet<Row>> after;
    private final PreparedQuery<RowSet<Row>> one;
    private final PreparedQuery<RowSet<Row>> latest;
    private final PreparedQuery<RowSet<Row>> unread;
    private final PreparedQuery<RowSet<Row>> markRead;
    private final PreparedQuery<RowSet<Row>> markAllRead;
    private final PreparedQuery<RowSet<Row>> savePreferences;

    InboxReads(Pool pool) {
        this.person = pool.preparedQuery("""
                select c.id, c.time_zone, c.languages, p.language, p.muted, p.version from participant_copy c
                left join inbox_preference p on p.participant_id = c.id
                where c.tenant = $1 and c.employee_id = $2 order by c.updated_at desc limit 1""");
        this.newestFirst = pool.preparedQuery("select " + COLUMNS
                + " from notification where tenant = $1 and recipient_id = $2 and position < $3 order by position desc limit $4");
        this.unreadNewestFirst = pool.preparedQuery("select " + COLUMNS
                + " from notification where tenant = $1 and recipient_id = $2 and position < $3 and read_at is null order by position desc limit $4");
        this.after = pool.preparedQuery("select " + COLUMNS
                + " from notification where tenant = $1 and recipient_id = $2 and position > $3 order by position limit $4");
        this.one = pool.preparedQuery("select " + COLUMNS + " from notification where tenant = $1 and recipient_id = $2 and id = $3");
        this.latest = pool.preparedQuery("select coalesce(max(position), 0) from notification where tenant = $1 and recipient_id = $2");
        this.unread = pool.preparedQuery("select count(*) from notification where tenant = $1 and recipient_id = $2 and read_at is null");
        this.markRead = pool.preparedQuery("update notification set read_at = coalesce(read_at, $4) "
                + "where tenant = $1 and recipient_id = $2 and id = $3 returning " + COLUMNS);
        this.markAllRead = pool.preparedQuery("""
                update notification set read_at = $3 where tenant = $1 and recipient_id = $2 and read_at is null and position <= $4""");
        this.savePreferences = pool.preparedQuery("""
                insert into inbox_preference (participant_id, tenant, language, muted, version, updated_at) values ($1, $2, $3, $4, 2, $5)
                on conflict (participant_id) do update set language = excluded.language, muted = excluded.muted,
                    version = inbox_preference.version + 1, updated_at = excluded.updated_at
                where inbox_preference.tenant = excluded.tenant and ($6::bigint is null or inbox_preference.version = $6)
                returning version""");
    }

    /** The participant holding the employee id in the tenant (the latest known, should two have held it), or null. */
    public Uni<Person> person(String tenant, String employeeId) {
        return person.execute(Tuple.of(tenant, employeeId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            Long version = row.getLong(5);
            return new Person(row.getUUID(0), row.getString(1), split(row.getString(2)), row.getString(3), split(row.getString(4)),
                    version == null ? 1 : version);
        });
    }

    /** Up to {@code limit} of the person's notifications before place {@code before}, newest first; only unread ones if asked. */
    public Uni<List<NotificationRow>> newestFirst(String tenant, UUID recipient, long before, boolean unreadOnly, int limit) {
        return (unreadOnly ? unreadNewestFirst : newestFirst).execute(Tuple.of(tenant, recipient, before, limit)).map(InboxReads::rows);
    }

    /** Up to {@code limit} of the person's notifications that came after place {@code position}, in the order they came. */
    public Uni<List<NotificationRow>> after(String tenant, UUID recipient, long position, int limit) {
        return after.execute(Tuple.of(tenant, recipient, position, limit)).map(InboxReads::rows);
    }

    /** One of the person's notifications, or null if they have none with that id. */
    public Uni<NotificationRow> one(String tenant, UUID recipient, UUID id) {
        return one.execute(Tuple.of(tenant, recipient, id)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** The place of the person's newest notification (0 for none yet). */
    public Uni<Long> latest(String tenant, UUID recipient) {
        return latest.execute(Tuple.of(tenant, recipient)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** How many of the person's notifications are unread. */
    public Uni<Long> unreadCount(String tenant, UUID recipient) {
        return unread.execute(Tuple.of(tenant, recipient)).map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks one of the person's notifications read (once: a second mark keeps the first time); null if they have no such one. */
    public Uni<NotificationRow> markRead(String tenant, UUID recipient, UUID id, OffsetDateTime at) {
        return markRead.execute(Tuple.of(tenant, recipient, id, at)).map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Marks the person's unread notifications up to {@code upTo} read; answers how many. */
    public Uni<Integer> markAllRead(String tenant, UUID recipient, OffsetDateTime at, long upTo) {
        return markAllRead.execute(Tuple.of(tenant, recipient, at, upTo)).map(RowSet::rowCount);
    }

    /**
     * Saves the person's preferences; with {@code ifVersion}, only over that version (null: any). Answers the new version,
     * or null when the stored one is another.
     */
    public Uni<Long> savePreferences(String tenant, UUID participant, String language, List<String> muted, Long ifVersion, OffsetDateTime at) {
        return savePreferences.execute(Tuple.tuple(List.of(participant, tenant)).addString(language).addString(String.join(",", muted))
                .addOffsetDateTime(at).addLong(ifVersion))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong(0));
    }

    private static List<NotificationRow> rows(RowSet<Row> rows) {
        List<NotificationRow> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(row(row));
        }
        return list;
    }

    private static NotificationRow row(Row r) {
        return new NotificationRow(r.getLong(0), r.getUUID(1), r.getString(2), r.getOffsetDateTime(3), r.getUUID(4), r.getUUID(5),
                r.getUUID(6), r.getUUID(7), r.getUUID(8), r.getUUID(9), r.getOffsetDateTime(10), r.getOffsetDateTime(11), r.getString(12),
                r.getOffsetDateTime(13));
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return List.of(joined.split(","));
    }
}
