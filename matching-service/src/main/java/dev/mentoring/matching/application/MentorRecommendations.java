package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.domain.MatchRules;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.domain.Weights;
import dev.mentoring.matching.persistence.MatchingRunRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Recommendations of mentors for one mentee of the caller's tenant, with explanations. */
@ApplicationScoped
public class MentorRecommendations {

    public static final int MAX_LIMIT = 50;

    /** The mentors recommended to one mentee under the tenant's weights, and the excluded ones; {@code mentors} by id. */
    public record Found(UUID menteeId, Weights weights, Recommendations.Result result, Map<UUID, Participant> mentors) {
    }

    private final ParticipantRepository participants;
    private final MatchingRunRepository store;
    private final MatchingSettings settings;
    private final CallingPerson person;
    private final Caller caller;
    private final Clock clock;
    private final MentorPools pools;

    MentorRecommendations(ParticipantRepository participants, MatchingRunRepository store, MatchingSettings settings,
            CallingPerson person, Caller caller, Clock clock, MentorPools pools) {
        this.pools = pools;
        this.participants = participants;
        this.store = store;
        this.settings = settings;
        this.person = person;
        this.caller = caller;
        this.clock = clock;
    }

    /** For the caller, who must be a mentee. */
    @WithSession
    public Uni<Found> forMe(int limit) {
        String employeeId = person.employeeId("gets recommendations");
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .chain(mentee -> recommend(mentee, limit, "Participant with employee id " + employeeId));
    }

    /** For a mentee of the tenant, as their program admin. */
    @WithSession
    public Uni<Found> forMentee(UUID menteeId, int limit) {
        return participants.findInTenant(caller.tenant(), menteeId)
                .chain(mentee -> recommend(mentee, limit, "Participant " + menteeId));
    }

    private Uni<Found> recommend(Participant mentee, int limit, String what) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (mentee == null || mentee.erasedAt != null) {
            throw new ProblemException(404, "Not Found", what + " does not exist");
        }
        if (!mentee.mentee) {
            throw ProblemException.conflict("This participant is not a mentee");
        }
        String tenant = mentee.tenant;
        Instant at = clock.instant();
        Uni<MentorPools.Pool> pool = pools.current(tenant, at).map(kept -> Uni.createFrom().item(kept)).orElseGet(() -> {
            MentorPools.Changes changesBefore = pools.changesSoFar(tenant);
            return participants.activeMentors(tenant).map(mentors -> pools.keep(tenant, at, mentors, changesBefore));
        });
        return settings.weightsOf(tenant).chain(weights -> pool
                .chain(mentors -> store.placesTakenByMentor(tenant).chain(open -> store.endedWith(tenant, mentee.id).map(ended -> {
                    MatchRules.Prepared preparedMentee = MatchRules.prepare(ProfileMapping.toMatching(mentee),
                            MentorPools.hourOf(at));
                    // places left: the mentor's capacity less open requests and running partnerships
                    Recommendations.Result result = Recommendations.forPrepared(preparedMentee, mentors.prepared(),
                            mentor -> mentor.mentor().capacity() - open.getOrDefault(mentor.id(), 0),
                            ended, weights, limit);
                    return new Found(mentee.id, weights, result, mentors.byId());
                }))));
    }
}
