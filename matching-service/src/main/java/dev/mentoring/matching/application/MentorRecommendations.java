package dev.mentoring.matching.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.RecommendationsView;
import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.persistence.MatchingRunStore;
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

    private final ParticipantRepository participants;
    private final MatchingRunStore store;
    private final MatchingSettings settings;
    private final CallingPerson person;
    private final Caller caller;

    MentorRecommendations(ParticipantRepository participants, MatchingRunStore store, MatchingSettings settings,
            CallingPerson person, Caller caller) {
        this.participants = participants;
        this.store = store;
        this.settings = settings;
        this.person = person;
        this.caller = caller;
    }

    /** For the caller, who must be a mentee. */
    @WithSession
    public Uni<RecommendationsView> forMe(int limit, boolean withExcluded) {
        String employeeId = person.employeeId("gets recommendations");
        return participants.findByEmployeeId(caller.tenant(), employeeId)
                .chain(mentee -> recommend(mentee, limit, withExcluded, "Participant with employee id " + employeeId));
    }

    /** For a mentee of the tenant, as their program admin. */
    @WithSession
    public Uni<RecommendationsView> forMentee(UUID menteeId, int limit, boolean withExcluded) {
        return participants.findInTenant(caller.tenant(), menteeId)
                .chain(mentee -> recommend(mentee, limit, withExcluded, "Participant " + menteeId));
    }

    private Uni<RecommendationsView> recommend(Participant mentee, int limit, boolean withExcluded, String what) {
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
        return settings.weightsOf(tenant).chain(weights -> participants.activeMentors(tenant)
                .chain(mentors -> store.openRequestsByMentor(tenant).chain(open -> store.endedPairs(tenant).map(ended -> {
                    Map<UUID, Participant> byId = mentors.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
                    Map<UUID, Integer> remaining = new HashMap<>();
                    mentors.forEach(m -> remaining.put(m.id, m.mentorCapacity - open.getOrDefault(m.id, 0)));
                    List<MatchingProfile> profiles = mentors.stream().map(ProfileMapping::toMatching).toList();
                    Recommendations.Result result = Recommendations.forMentee(ProfileMapping.toMatching(mentee), profiles,
                            remaining, ended.getOrDefault(mentee.id, Set.of()), weights, Instant.now(), limit);
                    return RecommendationsView.of(mentee.id, weights.byCriterion(), result, byId, withExcluded);
                }))));
    }
}
