package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MatchRules;
import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantReads;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.matching.persistence.RecommendationReads;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Recommendations of mentors for one mentee of the caller's tenant, with explanations. Reads only, on the reactive client
 * without a Hibernate session ({@link ParticipantReads}, {@link RecommendationReads}): the mentee and the tenant's
 * weights at once, then the places taken; the tenant's mentors are kept prepared between requests ({@link MentorPools}).
 */
@ApplicationScoped
public class MentorRecommendations {

    public static final int MAX_LIMIT = 50;

    /** The mentors recommended to one mentee under the tenant's weights, and the excluded ones; {@code mentors} by id. */
    public record Found(UUID menteeId, Weights weights, Recommendations.Result result, Map<UUID, Participant> mentors) {
    }

    private final ParticipantReads participants;
    private final RecommendationReads reads;
    private final CallingPerson person;
    private final Caller caller;
    private final Clock clock;
    private final MentorPools pools;
    private final ProgramSettings programSettings;

    MentorRecommendations(ParticipantReads participants, RecommendationReads reads, CallingPerson person, Caller caller, Clock clock,
            MentorPools pools, ProgramSettings programSettings) {
        this.programSettings = programSettings;
        this.participants = participants;
        this.reads = reads;
        this.person = person;
        this.caller = caller;
        this.clock = clock;
        this.pools = pools;
    }

    /** For the caller, who must be a mentee; the excluded mentors too when {@code listExcluded}. */
    public Uni<Found> forMe(int limit, boolean listExcluded, boolean includePrevious, UUID programId) {
        checkLimit(limit);
        String employeeId = person.employeeId("gets recommendations");
        String tenant = caller.tenant();
        return recommend(tenant, participants.withEmployeeId(tenant, employeeId), limit, listExcluded, includePrevious,
                "Participant with employee id " + employeeId, programId);
    }

    /** For a mentee of the tenant, as their program admin; the excluded mentors too when {@code listExcluded}. */
    public Uni<Found> forMentee(UUID menteeId, int limit, boolean listExcluded, boolean includePrevious, UUID programId) {
        checkLimit(limit);
        String tenant = caller.tenant();
        return recommend(tenant, participants.inTenant(tenant, menteeId), limit, listExcluded, includePrevious, "Participant " + menteeId,
                programId);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * Recommendations among all of the tenant's mentors (the general program, when {@code programId} is null or names it),
     * or among the mentors enrolled in the program named, for a mentee enrolled in it (422 otherwise; 404 for a program the
     * tenant does not have).
     */
    private Uni<Found> recommend(String tenant, Uni<Participant> found, int limit, boolean listExcluded, boolean includePrevious, String what,
            UUID programId) {
        if (programId == null) {
            return recommend(tenant, found, limit, listExcluded, includePrevious, what, (RecommendationReads.ProgramMentors) null);
        }
        return found.chain(mentee -> {
            if (mentee == null || mentee.erasedAt != null) {
                throw new ProblemException(404, "Not Found", what + " does not exist");
            }
            return reads.programMentors(tenant, programId, mentee.id).chain(program -> {
                if (program == null) {
                    throw ProblemException.notFound("Program", programId);
                }
                if (!program.general() && !program.menteeIn()) {
                    throw ProblemException.unprocessable("programId", "the mentee is not enrolled in this program");
                }
                return recommend(tenant, Uni.createFrom().item(mentee), limit, listExcluded, includePrevious, what, program);
            });
        });
    }

    private Uni<Found> recommend(String tenant, Uni<Participant> found, int limit, boolean listExcluded, boolean includePrevious,
            String what, RecommendationReads.ProgramMentors program) {
        // in a program other than the general one: its mentors only, and the mentee as their intake tells too
        Set<UUID> onlyMentors = program == null || program.general() ? null : program.mentors();
        Instant at = clock.instant();
        ProgramRules.MatchingSettings own = program == null ? ProgramRules.MatchingSettings.NONE : programSettings.parse(program.settings());
        return Uni.combine().all().unis(found, reads.weightsOf(tenant)).asTuple().chain(menteeAndWeights -> {
            Participant mentee = menteeAndWeights.getItem1();
            Weights weights = own.weightsOr(menteeAndWeights.getItem2());
            if (mentee == null || mentee.erasedAt != null) {
                throw new ProblemException(404, "Not Found", what + " does not exist");
            }
            if (!mentee.mentee) {
                throw ProblemException.conflict("This participant is not a mentee");
            }
            return Uni.combine().all().unis(pool(tenant, at), reads.places(tenant, mentee.id)).asTuple().map(poolAndPlaces -> {
                MentorPools.Pool mentors = poolAndPlaces.getItem1();
                RecommendationReads.Places places = poolAndPlaces.getItem2();
                // prepared against the mentors' vocabulary, at the hour they were prepared for
                MatchRules.Prepared preparedMentee = mentors.prepared().mentee(inProgram(mentee, program, own));
                // places left: the mentor's capacity less open requests and running partnerships
                List<MatchRules.Prepared> candidates = onlyMentors == null ? mentors.prepared().mentors()
                        : mentors.prepared().mentors().stream().filter(m -> onlyMentors.contains(m.profile().id())).toList();
                Recommendations.Result result = Recommendations.forPrepared(preparedMentee, candidates,
                        mentor -> program == null ? mentor.mentor().capacity() - places.takenByMentor().getOrDefault(mentor.id(), 0)
                                : program.placesLeft(mentor.id(), mentor.mentor().capacity() - places.takenByMentor().getOrDefault(mentor.id(), 0)),
                        includePrevious ? Set.of() : places.endedWith(), weights, limit, listExcluded);
                return new Found(mentee.id, weights, result, mentors.byId());
            });
        });
    }

    /**
     * The mentee as matching sees them in a program: with what their intake there adds, and under its hard rule on hours
     * apart (in the general program, or with none: as they are).
     */
    static MatchingProfile inProgram(Participant mentee, RecommendationReads.ProgramMentors program, ProgramRules.MatchingSettings own) {
        MatchingProfile profile = ProfileMapping.toMatching(mentee);
        if (program == null) {
            return profile;
        }
        return ProfileMapping.withHoursApartAtMost(ProfileMapping.withIntake(profile, program.areasToDevelop(), program.goalWords()),
                own.maxHoursApart());
    }

    /** The tenant's mentors, prepared: kept, or loaded and kept. */
    Uni<MentorPools.Pool> pool(String tenant, Instant at) {
        return pools.current(tenant, at).map(kept -> Uni.createFrom().item(kept)).orElseGet(() -> {
            MentorPools.Changes changesBefore = pools.changesSoFar(tenant);
            return participants.activeMentors(tenant).map(mentors -> pools.keep(tenant, at, mentors, changesBefore));
        });
    }
}
