package dev.mentoring.matching.persistence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.Intake;
import dev.mentoring.matching.domain.Weights;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.PreparedQuery;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a recommendation reads besides the mentee and the mentors, straight on the reactive client (as
 * {@link ParticipantReads}): the tenant's weights, and in one statement each mentor's places taken and the mentors the
 * mentee's partnerships ended with. No Hibernate session: a native query through Hibernate added an entry to its
 * query-interpretation cache on every run (keys that never equal each other), and looking one up walked that bin.
 * {@code RecommendationReadsTest} holds it to the Hibernate reads it replaces.
 */
@ApplicationScoped
public class RecommendationReads {

    /** Each mentor's places taken (open requests and running partnerships), and the mentors one mentee's partnerships ended with. */
    public record Places(Map<UUID, Integer> takenByMentor, Set<UUID> endedWith) {
    }

    /**
     * A program a recommendation is scoped to: whether it is the general one, whether the mentee is in it, its mentors,
     * the mentee's intake and the program's own matching settings (JSON, null: none).
     */
    public record ProgramMentors(boolean general, boolean menteeIn, Set<UUID> mentors, String[] areasToDevelop, String goalWords,
            Map<UUID, Integer> placesInProgram, String settings) {

        /** A mentor's places left: theirs overall, or fewer where their intake gives them fewer in this program. */
        public int placesLeft(UUID mentorId, int overall) {
            return Intake.placesLeft(overall, placesInProgram.get(mentorId));
        }
    }

    private final PreparedQuery<RowSet<Row>> weights;
    private final PreparedQuery<RowSet<Row>> places;
    private final PreparedQuery<RowSet<Row>> programMentors;

    RecommendationReads(Pool pool) {
        this.programMentors = pool.preparedQuery("""
                select p.general,
                       exists (select 1 from program_enrolment e where e.program_id = p.id and e.participant_id = $3
                               and e.role = 'MENTEE' and e.state = 'ENROLLED') as mentee_in,
                       array(select e.participant_id from program_enrolment e where e.program_id = p.id
                             and e.role = 'MENTOR' and e.state = 'ENROLLED') as mentors,
                       array(select c.participant_id from program_intake c where c.program_id = p.id and c.role = 'MENTOR'
                             and c.capacity is not null order by c.participant_id) as capped,
                       array(select c.capacity
                                    - (select count(*) from mentorship_request r where r.program_id = p.id
                                       and r.mentor_id = c.participant_id and r.state = 'OPEN')
                                    - (select count(*) from partnership x where x.program_id = p.id
                                       and x.mentor_id = c.participant_id and x.state in ('ACTIVE', 'PAUSED'))
                             from program_intake c where c.program_id = p.id and c.role = 'MENTOR' and c.capacity is not null
                             order by c.participant_id) as capped_left,
                       i.areas_to_develop,
                       (select string_agg(g->>'statement', ' ') from jsonb_array_elements(cast(i.goals as jsonb)) g) as goal_words,
                       (select cast(s.settings as text) from program_matching_settings s where s.program_id = p.id) as settings
                from program p
                left join program_intake i on i.program_id = p.id and i.participant_id = $3 and i.role = 'MENTEE'
                where p.tenant = $1 and p.id = $2""");
        this.weights = pool.preparedQuery("""
                select weight_skills, weight_goals_expertise, weight_industry, weight_experience_gap, weight_styles,
                       weight_language, weight_time_zone
                from tenant_matching_settings where tenant = $1""");
        this.places = pool.preparedQuery("""
                select mentor_id, sum(taken)::int as taken, bool_or(ended) as ended from (
                    select mentor_id, 1 as taken, false as ended from mentorship_request where tenant = $1 and state = 'OPEN'
                    union all
                    select mentor_id, case when state in ('ACTIVE', 'PAUSED') then 1 else 0 end,
                           mentee_id = $2 and state in ('COMPLETED', 'ENDED_EARLY')
                    from partnership
                    where tenant = $1 and (state in ('ACTIVE', 'PAUSED') or mentee_id = $2 and state in ('COMPLETED', 'ENDED_EARLY'))
                ) mentors group by mentor_id""");
    }

    /** The tenant's weights, or the defaults while it has none of its own. */
    public Uni<Weights> weightsOf(String tenant) {
        return weights.execute(Tuple.of(tenant)).map(rows -> {
            if (rows.size() == 0) {
                return Weights.DEFAULT;
            }
            Row row = rows.iterator().next();
            TenantMatchingSettings stored = new TenantMatchingSettings();
            stored.skills = row.getInteger("weight_skills");
            stored.goalsExpertise = row.getInteger("weight_goals_expertise");
            stored.industry = row.getInteger("weight_industry");
            stored.experienceGap = row.getInteger("weight_experience_gap");
            stored.styles = row.getInteger("weight_styles");
            stored.language = row.getInteger("weight_language");
            stored.timeZone = row.getInteger("weight_time_zone");
            return stored.weights();
        });
    }

    /** The program of the tenant with this id (null when it has none), the mentee's place in it and its enrolled mentors. */
    public Uni<ProgramMentors> programMentors(String tenant, UUID programId, UUID menteeId) {
        return programMentors.execute(Tuple.of(tenant, programId, menteeId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            UUID[] mentors = row.getArrayOfUUIDs("mentors");
            UUID[] capped = row.getArrayOfUUIDs("capped");
            Long[] cappedLeft = row.getArrayOfLongs("capped_left");
            Map<UUID, Integer> places = new HashMap<>();
            for (int i = 0; i < capped.length; i++) {
                places.put(capped[i], cappedLeft[i].intValue());
            }
            return new ProgramMentors(row.getBoolean("general"), row.getBoolean("mentee_in"), Set.of(mentors),
                    row.getArrayOfStrings("areas_to_develop"), row.getString("goal_words"), places, row.getString("settings"));
        });
    }

    /** Places taken by each mentor of the tenant, and whom this mentee's partnerships ended with. */
    public Uni<Places> places(String tenant, UUID menteeId) {
        return places.execute(Tuple.of(tenant, menteeId)).map(rows -> {
            Map<UUID, Integer> taken = new HashMap<>();
            Set<UUID> ended = new HashSet<>();
            for (Row row : rows) {
                UUID mentor = row.getUUID("mentor_id");
                int count = row.getInteger("taken");
                if (count > 0) {
                    taken.put(mentor, count);
                }
                if (row.getBoolean("ended")) {
                    ended.add(mentor);
                }
            }
            return new Places(taken, ended);
        });
    }
}
