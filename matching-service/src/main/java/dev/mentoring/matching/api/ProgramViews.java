package dev.mentoring.matching.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mentoring.matching.application.Enrolments;
import dev.mentoring.matching.application.DirectoryEntries;
import dev.mentoring.matching.domain.Exclusion;
import dev.mentoring.matching.domain.MatchScore;
import dev.mentoring.matching.application.Programs;
import dev.mentoring.matching.domain.Criterion;
import dev.mentoring.matching.domain.Cadence;
import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.Joining;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.ProgramState;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramEnrolment;

/** Programs and enrolments as the API shows and takes them. */
public final class ProgramViews {

    private ProgramViews() {
    }

    /** A program's description as an admin writes it (the whole of it, on create and on edit). */
    @Schema(name = "ProgramDescription")
    public record Description(
            @Schema(required = true, maxLength = 120, examples = "Graduate program 2027") @NotBlank @Size(max = ProgramRules.MAX_NAME) String name,
            @Schema(description = "What the program is for, shown to the people in it", maxLength = 2000) @Size(max = ProgramRules.MAX_PURPOSE) String purpose,
            @Schema(description = "The skills the program develops (at most 20), kept in lower case") @Size(max = ProgramRules.MAX_FOCUS_SKILLS)
            List<@NotBlank @Size(max = ProgramRules.MAX_SKILL) String> focusSkills,
            @Schema(required = true, description = "HR_ENROLS: only HR enrols people; APPLY: people apply and an admin approves or "
                    + "declines; OPEN: people join themselves") @NotNull Joining joining,
            LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn, LocalDate startsOn, LocalDate endsOn,
            @Schema(description = "Open requests per mentee in this program (1-10); none: the tenant's limit")
            @Min(1) @Max(10) Integer maxOpenRequests,
            @Schema(description = "Running partnerships per mentee in this program (1-10); none: the tenant's limit")
            @Min(1) @Max(10) Integer maxActiveMentors,
            @Schema(description = "Days a request of this program waits for an answer (1-90); none: the platform's 14")
            @Min(1) @Max(ProgramRules.MAX_EXPIRY_DAYS) Integer requestExpiryDays) {

        ProgramRules.Description description() {
            return new ProgramRules.Description(name, purpose, focusSkills, joining, enrolmentOpensOn, enrolmentClosesOn, startsOn,
                    endsOn, maxOpenRequests, maxActiveMentors, requestExpiryDays);
        }
    }

    /** A program's own matching settings, as shown and as set; each part may be absent (none of its own). */
    @Schema(name = "ProgramMatchingSettings")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MatchingSettingsView(
            @Schema(description = "The weight of each criterion of the match score (0-100, criteria left out weigh 0); absent: the tenant's")
            Map<Criterion, Integer> weights,
            @Schema(description = "Hard rule: a mentee and a mentor further apart than this many hours are kept apart (0-14), whatever "
                    + "the mentee's own limit; absent: each mentee's own limit") Integer maxHoursApart,
            @Schema(description = "What an agreement of the program says where the pair writes nothing") @Valid DefaultAgreementView defaultAgreement) {

        static MatchingSettingsView of(ProgramRules.MatchingSettings s) {
            ProgramRules.DefaultAgreement a = s.defaultAgreement();
            return new MatchingSettingsView(s.weights(), s.maxHoursApart(), a == null ? null
                    : new DefaultAgreementView(a.cadence(), a.sessionMinutes(), a.groundRules(), a.confidentiality()));
        }

        ProgramRules.MatchingSettings settings() {
            DefaultAgreementView a = defaultAgreement;
            return new ProgramRules.MatchingSettings(weights, maxHoursApart, a == null ? null
                    : new ProgramRules.DefaultAgreement(a.cadence(), a.sessionMinutes(), a.groundRules(), a.confidentiality()));
        }
    }

    /** A program's default agreement. */
    @Schema(name = "DefaultAgreement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DefaultAgreementView(Cadence cadence,
            @Schema(minimum = "30", maximum = "240") @Min(30) @Max(240) Integer sessionMinutes,
            @Size(max = ProgramRules.MAX_AGREEMENT_TEXT) String groundRules,
            @Size(max = ProgramRules.MAX_AGREEMENT_TEXT) String confidentiality) {
    }

    /** One of the caller's own enrolments in a program. */
    @Schema(name = "MyEnrolment")
    public record MyEnrolment(UUID id, MentoringRole role, EnrolmentState state) {
    }

    /** A program as the caller sees it. */
    @Schema(name = "Program")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgramView(UUID id, String name, String purpose, List<String> focusSkills,
            @Schema(description = "The tenant's general program, which everyone with a mentoring role is in without an enrolment")
            boolean general, Joining joining, ProgramState state, LocalDate enrolmentOpensOn, LocalDate enrolmentClosesOn,
            LocalDate startsOn, LocalDate endsOn, Integer maxOpenRequests, Integer maxActiveMentors, Integer requestExpiryDays,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt,
            @Schema(description = "Whether the caller runs this program (a tenant-wide admin, the HR platform, or one of its admins)")
            boolean youRun,
            @Schema(description = "The employee ids of the program's own admins; only for those who run it, on a single program")
            List<String> admins,
            @Schema(description = "The caller's own enrolments in the program (as mentor, as mentee)") List<MyEnrolment> myEnrolments) {

        static ProgramView of(Programs.Seen seen) {
            Program p = seen.program();
            return new ProgramView(p.id, p.name, p.purpose, p.focusSkills == null ? List.of() : List.of(p.focusSkills), p.general, p.joining, p.state, p.enrolmentOpensOn,
                    p.enrolmentClosesOn, p.startsOn, p.endsOn, p.maxOpenRequests, p.maxActiveMentors, p.requestExpiryDays,
                    p.createdAt, p.updatedAt, p.closedAt, seen.runs(), seen.runs() ? seen.admins() : null,
                    seen.mine().stream().map(m -> new MyEnrolment(m.id(), m.role(), m.state())).toList());
        }
    }

    /** One person HR enrols. */
    @Schema(name = "EnrolmentItem")
    public record EnrolItem(
            @Schema(required = true, maxLength = 64, pattern = "^[A-Za-z0-9._:-]{1,64}$", examples = "A-1001") @NotNull
            @Pattern(regexp = "^[A-Za-z0-9._:-]{1,64}$",
                    message = "must be 1-64 letters, digits or . _ : -") String employeeId,
            @Schema(required = true) @NotNull MentoringRole role) {
    }

    /** People HR enrols at once: at most 1,000; sending the same again changes nothing. */
    @Schema(name = "BulkEnrolment")
    public record Bulk(@Schema(required = true, minItems = 1, maxItems = Enrolments.MAX_BULK) @NotNull
            @Size(min = 1, max = Enrolments.MAX_BULK) List<@NotNull @Valid EnrolItem> enrolments) {

        List<Enrolments.Enrol> people() {
            return enrolments.stream().map(e -> new Enrolments.Enrol(e.employeeId(), e.role())).toList();
        }
    }

    /** What happened to each person of a bulk enrolment, in the order sent. */
    @Schema(name = "BulkEnrolmentResult")
    public record BulkResult(@Schema(description = "How many were enrolled by this request") int enrolled, List<Outcome> results) {

        static BulkResult of(List<Enrolments.Outcome> outcomes) {
            return new BulkResult((int) outcomes.stream().filter(o -> o.result() == Enrolments.Result.ENROLLED).count(),
                    outcomes.stream().map(o -> new Outcome(o.employeeId(), o.role(), o.result(), o.enrolmentId(), o.participantId())).toList());
        }
    }

    /** One person of a bulk enrolment. */
    @Schema(name = "BulkEnrolmentOutcome")
    public record Outcome(String employeeId, MentoringRole role,
            @Schema(description = "ENROLLED: enrolled now (an application waiting is approved by it); ALREADY_ENROLLED: nothing "
                    + "changed; NOT_FOUND: no participant has this employee id; INACTIVE: the person is deactivated; NOT_A_MENTOR, "
                    + "NOT_A_MENTEE: the person has no profile for the role")
            Enrolments.Result result,
            @Schema(description = "The enrolment, when the person is in") UUID enrolmentId, UUID participantId) {
    }

    /** A person applying to (or joining) a program, in a role. */
    @Schema(name = "ProgramApplication")
    public record Application(@Schema(required = true) @NotNull MentoringRole role) {
    }

    /** An enrolment as the program's admins (and the person themselves) see it. */
    @Schema(name = "Enrolment")
    public record EnrolmentView(UUID id, UUID programId, UUID participantId,
            @Schema(description = "The person's employee id; null once they were erased") String employeeId,
            @Schema(description = "The person's display name; null once they were erased") String displayName,
            MentoringRole role, EnrolmentState state, OffsetDateTime createdAt, OffsetDateTime changedAt) {

        static EnrolmentView of(Enrolments.Listed listed) {
            ProgramEnrolment e = listed.enrolment();
            Participant p = listed.person();
            return new EnrolmentView(e.id, e.programId, e.participantId, p == null ? null : p.employeeId,
                    p == null ? null : p.displayName, e.role, e.state, e.createdAt, e.changedAt);
        }
    }

    /** A mentor in the directory: the public card, places left, and for a mentee the match score or the rule that keeps them apart. */
    @Schema(name = "DirectoryEntry")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectoryEntry(RecommendationsView.MentorCard mentor,
            @Schema(description = "Mentees the mentor may still take (0 when not accepting)") int placesLeft,
            @Schema(description = "The caller's match score with the mentor (0-100), for a mentee of the program") Double score,
            @Schema(description = "What made the score, criterion by criterion: on a mentor's card only") List<MatchScore.Contribution> explanation,
            @Schema(description = "The rule that keeps the caller and the mentor apart (no score then)") Exclusion excludedBecause) {

        static DirectoryEntry of(DirectoryEntries.Entry e, boolean explained) {
            return new DirectoryEntry(RecommendationsView.MentorCard.of(e.mentor()), e.placesLeft(),
                    e.score() == null ? null : e.score().score(), explained && e.score() != null ? e.score().contributions() : null,
                    e.excludedBecause());
        }
    }

    /** One SMART goal of an intake, as in agreements. */
    @Schema(name = "IntakeGoal")
    public record IntakeGoal(
            @Schema(required = true, examples = "Lead a team of three by the summer") @Size(max = 200) String statement,
            @Schema(required = true, examples = "team size") @Size(max = 200) String measure,
            @Schema(required = true, examples = "3") @Size(max = 200) String target,
            @Schema(required = true, examples = "My next role needs it") @Size(max = 500) String why,
            @Schema(required = true, examples = "2027-06-30") java.time.LocalDate dueDate) {

        dev.mentoring.matching.domain.SmartGoal goal() {
            return new dev.mentoring.matching.domain.SmartGoal(statement, measure, target, why, dueDate);
        }

        static IntakeGoal of(dev.mentoring.matching.domain.SmartGoal g) {
            return new IntakeGoal(g.statement(), g.measure(), g.target(), g.why(), g.dueDate());
        }
    }

    /**
     * An enrolment's intake, the self-reflection of joining a program: a mentee's side (strengths, areas to develop, hopes,
     * SMART goals, how often and how to meet) or a mentor's (what they offer, their places in this program), as the
     * enrolment's role is.
     */
    @Schema(name = "Intake")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IntakeView(
            @Schema(description = "Mentee: what they are good at (at most 10 terms)") @Size(max = 10) List<@NotNull @Size(max = 60) String> strengths,
            @Schema(description = "Mentee: what they want to develop (at most 10 terms); joins their desired skills for matching in this program")
            @Size(max = 10) List<@NotNull @Size(max = 60) String> areasToDevelop,
            @Schema(description = "Mentee: what they hope the partnership brings, in their own words", maxLength = 1000) @Size(max = 1000) String hopes,
            @Schema(description = "Mentee: up to 5 SMART goals; their statements join their goals for matching in this program")
            @Size(max = 5) List<@NotNull @Valid IntakeGoal> goals,
            @Schema(description = "Mentee: how often they would like to meet") dev.mentoring.matching.domain.Cadence preferredFrequency,
            @Schema(description = "Mentee: how they would like to meet") dev.mentoring.matching.domain.MeetingMode preferredMode,
            @Schema(description = "Mentor: what they offer (at most 10 terms)") @Size(max = 10) List<@NotNull @Size(max = 60) String> offers,
            @Schema(description = "Mentor: how many mentees they take in this program (0-20); accepting beyond it is refused")
            @Min(0) @Max(20) Integer capacity,
            @Schema(readOnly = true) MentoringRole role, @Schema(readOnly = true) OffsetDateTime updatedAt) {

        dev.mentoring.matching.domain.Intake intake() {
            return new dev.mentoring.matching.domain.Intake(role, strengths, areasToDevelop, hopes,
                    goals == null ? null : goals.stream().map(IntakeGoal::goal).toList(), preferredFrequency, preferredMode, offers, capacity);
        }

        static IntakeView of(dev.mentoring.matching.application.Intakes.Written w) {
            var i = w.intake();
            boolean mentee = i.role == MentoringRole.MENTEE;
            return new IntakeView(mentee ? List.of(i.strengths) : null, mentee ? List.of(i.areasToDevelop) : null, i.hopes,
                    mentee ? w.goals().stream().map(IntakeGoal::of).toList() : null, i.preferredFrequency, i.preferredMode,
                    mentee ? null : List.of(i.offers), i.capacity, i.role, i.updatedAt);
        }
    }
}
