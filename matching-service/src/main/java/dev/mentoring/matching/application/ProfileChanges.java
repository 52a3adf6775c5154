package dev.mentoring.matching.application;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.mentoring.matching.domain.FreeText;
import dev.mentoring.matching.domain.Seniority;
import dev.mentoring.matching.domain.Skill;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;

/**
 * Applies a written profile to a participant: HR's whole profile, or the person's own editable part.
 * Answers whether anything that matters changed, so that no event is published for a no-op.
 */
final class ProfileChanges {

    /** Mentor capacity a person gets when they have the mentor role but HR set none yet. */
    static final int DEFAULT_MENTOR_CAPACITY = 2;

    private ProfileChanges() {
    }

    /**
     * Checks a profile write's optional If-Match against the profile it changes: a stale one is 412; none lets the
     * write through (HR's syncs write blindly). A profile that does not exist yet has no version to match, so any
     * If-Match for it is 412 too.
     */
    static void checkIfMatch(String ifMatch, Participant existing) {
        if (existing != null) {
            EntityTags.check(ifMatch, existing.version, false, "the profile");
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(412, "Precondition Failed",
                    "There is no profile yet for If-Match to name; write the first one without it",
                    List.of(new Problem.FieldError(EntityTags.IF_MATCH, "names a profile that does not exist")));
        }
    }

    /** HR's write: the whole profile; a missing side removes that role. */
    static boolean applyProvisioned(Participant p, ParticipantProfile request) {
        String before = state(p);
        p.displayName = request.displayName().strip();
        p.timeZone = request.timeZone();
        p.languages = request.languages().stream().distinct().toArray(String[]::new);
        p.managerEmployeeId = FreeText.optional(request.managerEmployeeId());
        p.yearsOfExperience = request.yearsOfExperience() == null ? 0 : request.yearsOfExperience();
        p.seniority = request.seniority() == null ? Seniority.MID : request.seniority();
        p.leadershipStyle = request.leadershipStyle();
        p.communicationStyle = request.communicationStyle();
        p.skills = skills(request.skills());
        p.industries = terms(request.industries());
        p.expertise = terms(request.expertise());
        p.mentor = request.mentor() != null;
        if (p.mentor) {
            ParticipantProfile.MentorSide mentor = request.mentor();
            p.mentorCapacity = mentor.capacity() == null ? DEFAULT_MENTOR_CAPACITY : mentor.capacity();
            p.mentorAccepting = mentor.acceptingMentees() == null || mentor.acceptingMentees();
            applyMentorWishes(p, mentor);
        }
        p.mentee = request.mentee() != null;
        if (p.mentee) {
            applyMentee(p, request.mentee());
        }
        return !before.equals(state(p));
    }

    /** The person's own write: fields left out keep their value; HR-owned fields (capacity included) are never touched. */
    static boolean applyOwn(Participant p, ParticipantProfile request) {
        String before = state(p);
        p.displayName = request.displayName().strip();
        p.timeZone = request.timeZone();
        p.languages = request.languages().stream().distinct().toArray(String[]::new);
        if (request.leadershipStyle() != null) {
            p.leadershipStyle = request.leadershipStyle();
        }
        if (request.communicationStyle() != null) {
            p.communicationStyle = request.communicationStyle();
        }
        if (request.skills() != null) {
            p.skills = skills(request.skills());
        }
        if (request.industries() != null) {
            p.industries = terms(request.industries());
        }
        if (request.expertise() != null) {
            p.expertise = terms(request.expertise());
        }
        if (p.mentor && request.mentor() != null) {
            if (request.mentor().acceptingMentees() != null) {
                p.mentorAccepting = request.mentor().acceptingMentees();
            }
            applyMentorWishes(p, request.mentor());
        }
        if (p.mentee && request.mentee() != null) {
            applyMentee(p, request.mentee());
        }
        return !before.equals(state(p));
    }

    private static void applyMentorWishes(Participant p, ParticipantProfile.MentorSide mentor) {
        if (mentor.wouldMentorIn() != null) {
            p.mentorWouldMentorIn = terms(mentor.wouldMentorIn());
        }
        if (mentor.bio() != null) {
            p.mentorBio = dev.mentoring.matching.domain.FreeText.optional(mentor.bio());
        }
        if (mentor.preferredMenteeSeniority() != null) {
            p.mentorPreferredSeniority = mentor.preferredMenteeSeniority().stream().distinct().map(Enum::name)
                    .toArray(String[]::new);
        }
    }

    private static void applyMentee(Participant p, ParticipantProfile.MenteeSide mentee) {
        if (mentee.goals() != null) {
            p.menteeGoals = FreeText.optional(mentee.goals());
        }
        if (mentee.desiredSkills() != null) {
            p.menteeDesiredSkills = skills(mentee.desiredSkills());
        }
        if (mentee.preferredIndustries() != null) {
            p.menteePreferredIndustries = terms(mentee.preferredIndustries());
        }
        if (mentee.preferredLeadershipStyle() != null) {
            p.menteePreferredLeadership = mentee.preferredLeadershipStyle();
        }
        if (mentee.preferredCommunicationStyle() != null) {
            p.menteePreferredCommunication = mentee.preferredCommunicationStyle();
        }
        if (mentee.maxTimeZoneGapHours() != null) {
            p.menteeMaxTimeZoneGap = mentee.maxTimeZoneGapHours();
        }
        if (mentee.optedIn() != null) {
            p.menteeOptedIn = mentee.optedIn();
        }
    }

    private static String[] skills(List<Skill> skills) {
        return skills == null ? new String[0] : ProfileMapping.encodeSkills(skills);
    }

    private static String[] terms(List<String> terms) {
        return terms == null ? new String[0] : ProfileMapping.terms(terms);
    }

    /** Everything a profile holds, as one comparable string. */
    static String state(Participant p) {
        return String.join("|", Objects.toString(p.displayName), Objects.toString(p.timeZone),
                Arrays.toString(p.languages), String.valueOf(p.active), Objects.toString(p.managerEmployeeId),
                String.valueOf(p.yearsOfExperience), String.valueOf(p.seniority), String.valueOf(p.leadershipStyle),
                String.valueOf(p.communicationStyle), Arrays.toString(p.skills), Arrays.toString(p.industries),
                Arrays.toString(p.expertise), String.valueOf(p.mentor), String.valueOf(p.mentorCapacity),
                String.valueOf(p.mentorAccepting), Arrays.toString(p.mentorWouldMentorIn), Objects.toString(p.mentorBio),
                Arrays.toString(p.mentorPreferredSeniority), String.valueOf(p.mentee), Objects.toString(p.menteeGoals),
                Arrays.toString(p.menteeDesiredSkills), Arrays.toString(p.menteePreferredIndustries),
                String.valueOf(p.menteePreferredLeadership), String.valueOf(p.menteePreferredCommunication),
                String.valueOf(p.menteeMaxTimeZoneGap), String.valueOf(p.menteeOptedIn));
    }
}
