package dev.mentoring.matching.persistence;

import static dev.mentoring.matching.persistence.ParticipantReads.Column.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.Seniority;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The hot read of one participant, straight on the reactive client: one prepared statement on a pooled connection, the
 * row mapped onto a detached {@link Participant}, no Hibernate session or transaction (a profile was a third of a read's
 * CPU in Hibernate's session, query plan and entity loading). For reading only: the participant it answers is not managed,
 * and changes go through {@link ParticipantRepository}. {@code ParticipantReadsTest} holds it to Hibernate's mapping of
 * every column.
 */
@ApplicationScoped
public class ParticipantReads {

    /**
     * The columns read, in the statement's order: a row is read by position, as the column's ordinal (by name, the client
     * searches the row's column names for each of the 34 on every read).
     */
    enum Column {
        id, tenant, employee_id, subject, display_name, time_zone, languages, created_at, updated_at, version, active,
        is_mentor, is_mentee, manager_employee_id, years_of_experience, seniority, leadership_style, communication_style,
        skills, industries, expertise, mentor_capacity, mentor_accepting, mentor_would_mentor_in,
        mentor_preferred_seniority, mentee_goals, mentee_desired_skills, mentee_preferred_industries,
        mentee_preferred_leadership, mentee_preferred_communication, mentee_max_time_zone_gap, mentee_opted_in, erased_at,
        mentor_bio;
    }

    static final String COLUMNS = Arrays.stream(Column.values()).map(Column::name).collect(Collectors.joining(", "));

    private final PreparedQuery<RowSet<Row>> byId;
    private final PreparedQuery<RowSet<Row>> byEmployeeId;
    private final PreparedQuery<RowSet<Row>> activeMentors;

    ParticipantReads(Pool pool) {
        this.byId = pool.preparedQuery("select " + COLUMNS + " from participant where tenant = $1 and id = $2");
        this.byEmployeeId = pool.preparedQuery("select " + COLUMNS + " from participant where tenant = $1 and employee_id = $2");
        this.activeMentors = pool.preparedQuery("select " + COLUMNS
                + " from participant where tenant = $1 and is_mentor and active and erased_at is null order by id");
    }

    /** The tenant's participant with this id, or null. */
    public Uni<Participant> inTenant(String tenant, UUID id) {
        return byId.execute(Tuple.of(tenant, id)).map(ParticipantReads::first);
    }

    /** The tenant's participant with this employee id, or null. */
    public Uni<Participant> withEmployeeId(String tenant, String employeeId) {
        return byEmployeeId.execute(Tuple.of(tenant, employeeId)).map(ParticipantReads::first);
    }

    /** The tenant's active mentors (not erased), by id. */
    public Uni<List<Participant>> activeMentors(String tenant) {
        return activeMentors.execute(Tuple.of(tenant)).map(rows -> {
            List<Participant> mentors = new ArrayList<>(rows.size());
            rows.forEach(row -> mentors.add(participant(row)));
            return mentors;
        });
    }

    private static Participant first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : participant(rows.iterator().next());
    }

    static Participant participant(Row row) {
        Participant p = new Participant();
        p.id = row.getUUID(id.ordinal());
        p.tenant = row.getString(tenant.ordinal());
        p.employeeId = row.getString(employee_id.ordinal());
        p.subject = row.getString(subject.ordinal());
        p.displayName = row.getString(display_name.ordinal());
        p.timeZone = row.getString(time_zone.ordinal());
        p.languages = row.getArrayOfStrings(languages.ordinal());
        p.createdAt = row.getOffsetDateTime(created_at.ordinal());
        p.updatedAt = row.getOffsetDateTime(updated_at.ordinal());
        p.version = row.getLong(version.ordinal());
        p.active = row.getBoolean(active.ordinal());
        p.mentor = row.getBoolean(is_mentor.ordinal());
        p.mentee = row.getBoolean(is_mentee.ordinal());
        p.managerEmployeeId = row.getString(manager_employee_id.ordinal());
        p.yearsOfExperience = row.getInteger(years_of_experience.ordinal());
        p.seniority = Seniority.valueOf(row.getString(seniority.ordinal()));
        p.leadershipStyle = named(LeadershipStyle.class, row.getString(leadership_style.ordinal()));
        p.communicationStyle = named(CommunicationStyle.class, row.getString(communication_style.ordinal()));
        p.skills = row.getArrayOfStrings(skills.ordinal());
        p.industries = row.getArrayOfStrings(industries.ordinal());
        p.expertise = row.getArrayOfStrings(expertise.ordinal());
        p.mentorCapacity = row.getInteger(mentor_capacity.ordinal());
        p.mentorAccepting = row.getBoolean(mentor_accepting.ordinal());
        p.mentorWouldMentorIn = row.getArrayOfStrings(mentor_would_mentor_in.ordinal());
        p.mentorBio = row.getString(mentor_bio.ordinal());
        p.mentorPreferredSeniority = row.getArrayOfStrings(mentor_preferred_seniority.ordinal());
        p.menteeGoals = row.getString(mentee_goals.ordinal());
        p.menteeDesiredSkills = row.getArrayOfStrings(mentee_desired_skills.ordinal());
        p.menteePreferredIndustries = row.getArrayOfStrings(mentee_preferred_industries.ordinal());
        p.menteePreferredLeadership = named(LeadershipStyle.class, row.getString(mentee_preferred_leadership.ordinal()));
        p.menteePreferredCommunication = named(CommunicationStyle.class, row.getString(mentee_preferred_communication.ordinal()));
        p.menteeMaxTimeZoneGap = row.getInteger(mentee_max_time_zone_gap.ordinal());
        p.menteeOptedIn = row.getBoolean(mentee_opted_in.ordinal());
        p.erasedAt = row.getOffsetDateTime(erased_at.ordinal());
        return p;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
