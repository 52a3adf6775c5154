package dev.mentoring.matching.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    static final String COLUMNS = """
            id, tenant, employee_id, subject, display_name, time_zone, languages, created_at, updated_at, version, active, \
            is_mentor, is_mentee, manager_employee_id, years_of_experience, seniority, leadership_style, communication_style, \
            skills, industries, expertise, mentor_capacity, mentor_accepting, mentor_would_mentor_in, mentor_preferred_seniority, \
            mentee_goals, mentee_desired_skills, mentee_preferred_industries, mentee_preferred_leadership, \
            mentee_preferred_communication, mentee_max_time_zone_gap, mentee_opted_in, erased_at, mentor_bio""";

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
        p.id = row.getUUID("id");
        p.tenant = row.getString("tenant");
        p.employeeId = row.getString("employee_id");
        p.subject = row.getString("subject");
        p.displayName = row.getString("display_name");
        p.timeZone = row.getString("time_zone");
        p.languages = row.getArrayOfStrings("languages");
        p.createdAt = row.getOffsetDateTime("created_at");
        p.updatedAt = row.getOffsetDateTime("updated_at");
        p.version = row.getLong("version");
        p.active = row.getBoolean("active");
        p.mentor = row.getBoolean("is_mentor");
        p.mentee = row.getBoolean("is_mentee");
        p.managerEmployeeId = row.getString("manager_employee_id");
        p.yearsOfExperience = row.getInteger("years_of_experience");
        p.seniority = Seniority.valueOf(row.getString("seniority"));
        p.leadershipStyle = named(LeadershipStyle.class, row.getString("leadership_style"));
        p.communicationStyle = named(CommunicationStyle.class, row.getString("communication_style"));
        p.skills = row.getArrayOfStrings("skills");
        p.industries = row.getArrayOfStrings("industries");
        p.expertise = row.getArrayOfStrings("expertise");
        p.mentorCapacity = row.getInteger("mentor_capacity");
        p.mentorAccepting = row.getBoolean("mentor_accepting");
        p.mentorWouldMentorIn = row.getArrayOfStrings("mentor_would_mentor_in");
        p.mentorBio = row.getString("mentor_bio");
        p.mentorPreferredSeniority = row.getArrayOfStrings("mentor_preferred_seniority");
        p.menteeGoals = row.getString("mentee_goals");
        p.menteeDesiredSkills = row.getArrayOfStrings("mentee_desired_skills");
        p.menteePreferredIndustries = row.getArrayOfStrings("mentee_preferred_industries");
        p.menteePreferredLeadership = named(LeadershipStyle.class, row.getString("mentee_preferred_leadership"));
        p.menteePreferredCommunication = named(CommunicationStyle.class, row.getString("mentee_preferred_communication"));
        p.menteeMaxTimeZoneGap = row.getInteger("mentee_max_time_zone_gap");
        p.menteeOptedIn = row.getBoolean("mentee_opted_in");
        p.erasedAt = row.getOffsetDateTime("erased_at");
        return p;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
