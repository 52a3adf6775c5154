package dev.mentoring.matching.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.matching.application.MentorRecommendations;
import dev.mentoring.matching.domain.CommunicationStyle;
import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Exclusion;
import dev.mentoring.matching.domain.LeadershipStyle;
import dev.mentoring.matching.domain.MatchScore;
import dev.mentoring.matching.domain.Recommendations;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.persistence.Participant;

/** A mentee's recommended mentors, best first, each with its match score and explanation; and, on request, the excluded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendationsView(UUID menteeId, Map<Criterion, Integer> weights, List<Recommended> recommendations,
        List<Excluded> excluded) {

    /** What a mentee sees of a mentor: the public card, no personal fields. */
    public record MentorCard(UUID id, String displayName, Seniority seniority, int yearsOfExperience,
            List<String> expertise, List<String> industries, List<SkillLevel> skills, List<String> languages,
            String timeZone, LeadershipStyle leadershipStyle, CommunicationStyle communicationStyle,
            List<String> wouldMentorIn, String bio) {

        static MentorCard of(Participant p) {
            return new MentorCard(p.id, p.displayName, p.seniority, p.yearsOfExperience, List.of(p.expertise),
                    List.of(p.industries), ParticipantView.skills(p.skills), List.of(p.languages), p.timeZone,
                    p.leadershipStyle, p.communicationStyle, List.of(p.mentorWouldMentorIn), p.mentorBio);
        }
    }

    public record Recommended(MentorCard mentor, double score, List<MatchScore.Contribution> explanation) {
    }

    public record Excluded(UUID mentorId, String displayName, Exclusion rule) {
    }

    public static RecommendationsView of(MentorRecommendations.Found found, boolean withExcluded) {
        return of(found.menteeId(), found.weights().byCriterion(), found.result(), found.mentors(), withExcluded);
    }

    public static RecommendationsView of(UUID menteeId, Map<Criterion, Integer> weights, Recommendations.Result result,
            Map<UUID, Participant> byId, boolean withExcluded) {
        List<Recommended> recommended = result.recommended().stream()
                .map(r -> new Recommended(MentorCard.of(byId.get(r.mentor().id())), r.score().score(), r.score().contributions()))
                .toList();
        List<Excluded> excluded = withExcluded ? result.excluded().stream()
                .map(e -> new Excluded(e.mentor().id(), byId.get(e.mentor().id()).displayName, e.rule())).toList() : null;
        return new RecommendationsView(menteeId, weights, recommended, excluded);
    }
}
