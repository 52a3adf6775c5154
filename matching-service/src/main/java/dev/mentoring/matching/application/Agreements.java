package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.matching.domain.Cadence;
import dev.mentoring.matching.domain.Confidentiality;
import dev.mentoring.matching.domain.FreeText;
import dev.mentoring.matching.domain.MeetingMode;
import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.domain.SmartGoal;
import dev.mentoring.matching.events.AgreementPublisher;
import dev.mentoring.matching.persistence.Agreement;
import dev.mentoring.matching.persistence.AgreementRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The mentorship agreement: either participant edits the draft (optimistic concurrency through ETag and
 * If-Match), each signs a version, and it is in force when both signed the same one. An edit starts a new
 * draft that needs both signatures again, while the signed version stays in force.
 */
@ApplicationScoped
public class Agreements {

    /** A goal as the pair writes it; keeping the id of a goal of the latest version keeps the goal (and its progress). */
    public record GoalTerms(UUID id, String statement, String measure, String target, String why, LocalDate dueDate) {
    }

    /** What the pair writes into a new version of their agreement. */
    public record Terms(List<GoalTerms> goals, Cadence cadence, Integer sessionMinutes, MeetingMode meetingMode,
            String placeOrLink, String channel, Integer responseTimeHours, String mentorResponsibilities,
            String menteeResponsibilities, String groundRules, String confidentiality, LocalDate reviewDate) {
    }

    /** One version of the agreement with its goals in their order. */
    public record Version(Agreement.Draft draft, List<Agreement.Goal> goals) {
    }

    /**
     * The agreement as it stands: its latest version (the number its ETag names, what an edit's If-Match must send), the
     * version in force (null before both signed one), and whether this call created it.
     */
    public record Edited(Agreement agreement, Version latest, Version inForce, boolean created) {
    }

    private final PartnershipRepository partnerships;
    private final AgreementRepository agreements;
    private final CallingPerson person;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;
    private final ProgramSettings programSettings;

    Agreements(PartnershipRepository partnerships, AgreementRepository agreements, CallingPerson person, Outbox outbox,
            Caller caller, Clock clock, ProgramSettings programSettings) {
        this.programSettings = programSettings;
        this.partnerships = partnerships;
        this.agreements = agreements;
        this.person = person;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<Edited> get(UUID partnershipId) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnership(tenant, partnershipId, me))
                .chain(p -> agreements.ofPartnership(p.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Agreement of partnership", partnershipId))
                .chain(agreement -> edited(agreement, false));
    }

    @WithTransaction
    public Uni<Edited> edit(UUID partnershipId, Terms input, String ifMatch) {
        String tenant = caller.tenant();
        LocalDate today = LocalDate.now(clock);
        List<Problem.FieldError> smart = new ArrayList<>();
        for (int i = 0; i < input.goals().size(); i++) {
            GoalTerms g = input.goals().get(i);
            int index = i;
            new SmartGoal(g.statement(), g.measure(), g.target(), g.why(), g.dueDate()).problem(today)
                    .ifPresent(p -> smart.add(new Problem.FieldError("goals[" + index + "]." + p[0], p[1])));
        }
        if (!smart.isEmpty()) {
            throw new ProblemException(422, "Unprocessable Content", smart.get(0).field() + ": " + smart.get(0).message(), smart);
        }
        if (input.reviewDate() != null && !input.reviewDate().isAfter(today)) {
            throw ProblemException.unprocessable("reviewDate", "is not in the future");
        }
        return person.inMentorships(tenant).chain(me -> partnership(tenant, partnershipId, me).chain(p -> {
            p.state.agreementOpen();
            return agreements.ofPartnership(p.id).chain(existing -> {
                if (existing != null) {
                    // the first draft needs none; every later one names the draft it replaces (428 missing, 412 stale)
                    EntityTags.check(ifMatch, existing.latestVersion, true, "the agreement");
                }
                Agreement agreement = existing != null ? existing : new Agreement();
                boolean created = existing == null;
                if (created) {
                    agreement.partnershipId = p.id;
                    agreement.tenant = tenant;
                    agreement.latestVersion = 0;
                }
                int number = agreement.latestVersion + 1;
                Uni<Set<UUID>> previousGoals = created ? Uni.createFrom().item(Set.<UUID>of())
                        : agreements.goals(p.id, agreement.latestVersion).map(list -> {
                            Set<UUID> ids = new HashSet<>();
                            list.forEach(g -> ids.add(g.goalId));
                            return ids;
                        });
                return previousGoals.chain(kept -> programSettings.of(p.programId).map(own -> withDefaults(input, own.defaultAgreement()))
                        .chain(terms -> {
                    agreement.latestVersion = number;
                    Agreement.Draft draft = draft(p.id, number, terms, me.id, today);
                    List<Agreement.Goal> goals = new ArrayList<>();
                    Set<UUID> used = new HashSet<>();
                    for (int i = 0; i < input.goals().size(); i++) {
                        GoalTerms g = input.goals().get(i);
                        Agreement.Goal goal = new Agreement.Goal();
                        goal.partnershipId = p.id;
                        goal.number = number;
                        goal.goalId = g.id() != null && kept.contains(g.id()) && used.add(g.id()) ? g.id() : UUID.randomUUID();
                        goal.position = i;
                        goal.statement = g.statement().strip();
                        goal.measure = g.measure().strip();
                        goal.target = g.target().strip();
                        goal.why = g.why().strip();
                        goal.dueDate = g.dueDate();
                        goals.add(goal);
                    }
                    return agreements.persist(agreement).chain(() -> draft.persist()).chain(() -> agreements.persistGoals(goals))
                            .chain(() -> agreements.flush())
                            .chain(() -> edited(agreement, created));
                        }));
            });
        }));
    }

    @WithTransaction
    public Uni<Edited> sign(UUID partnershipId, int version) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnership(tenant, partnershipId, me).chain(p -> {
            p.state.agreementOpen();
            return agreements.ofPartnership(p.id)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Agreement of partnership", partnershipId))
                    .chain(agreement -> {
                        if (version != agreement.latestVersion) {
                            throw ProblemException.conflict("Sign the latest version, " + agreement.latestVersion);
                        }
                        return agreements.version(p.id, version).chain(draft -> signDraft(p, agreement, draft, me));
                    });
        }));
    }

    private Uni<Edited> signDraft(Partnership p, Agreement agreement, Agreement.Draft draft, Participant me) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean mentee = p.menteeId.equals(me.id);
        if ((mentee ? draft.menteeSignedAt : draft.mentorSignedAt) != null) {
            return edited(agreement, false); // signed already
        }
        if (mentee) {
            draft.menteeSignedAt = now;
        } else {
            draft.mentorSignedAt = now;
        }
        List<DomainEvent> events = new ArrayList<>();
        events.add(AgreementPublisher.signed(p.tenant, p.id, draft.number, mentee));
        boolean inForce = draft.menteeSignedAt != null && draft.mentorSignedAt != null;
        return agreements.goals(p.id, draft.number).chain(goals -> {
            if (inForce) {
                agreement.inForceVersion = draft.number;
                p.cadence = draft.cadence.name();
                events.addAll(AgreementPublisher.inForce(p.tenant, new AgreementEvents.InForce(p.id, draft.number, draft.cadence.name(),
                        draft.sessionMinutes, draft.reviewDate, goals.stream().map(g -> new AgreementEvents.GoalInForce(g.goalId, g.dueDate)).toList()),
                        goals.stream().map(g -> new AgreementEvents.GoalText(g.goalId, g.statement, g.measure, g.target)).toList()));
            }
            return partnerships.flush().chain(() -> outbox.appendAll(events)).chain(() -> edited(agreement, false));
        });
    }

    /** The cadence a draft gets when neither the pair nor their program gives one. */
    static final Cadence PLATFORM_CADENCE = Cadence.MONTHLY;
    /** The session length a draft gets when neither the pair nor their program gives one. */
    static final int PLATFORM_SESSION_MINUTES = 60;

    /**
     * What the pair wrote, with their program's default agreement where they wrote nothing: cadence and session length
     * (then the platform's, monthly for an hour), ground rules, confidentiality (then the standard statement). A draft is
     * the pair's to change before both sign it.
     */
    static Terms withDefaults(Terms in, ProgramRules.DefaultAgreement defaults) {
        ProgramRules.DefaultAgreement d = defaults == null ? new ProgramRules.DefaultAgreement(null, null, null, null) : defaults;
        Cadence cadence = in.cadence() != null ? in.cadence() : d.cadence() != null ? d.cadence() : PLATFORM_CADENCE;
        Integer minutes = in.sessionMinutes() != null ? in.sessionMinutes()
                : d.sessionMinutes() != null ? d.sessionMinutes() : PLATFORM_SESSION_MINUTES;
        return new Terms(in.goals(), cadence, minutes, in.meetingMode(), in.placeOrLink(), in.channel(), in.responseTimeHours(),
                in.mentorResponsibilities(), in.menteeResponsibilities(), blank(in.groundRules()) ? d.groundRules() : in.groundRules(),
                blank(in.confidentiality()) ? d.confidentiality() : in.confidentiality(), in.reviewDate());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private Agreement.Draft draft(UUID partnershipId, int number, Terms input, UUID createdBy, LocalDate today) {
        Agreement.Draft draft = new Agreement.Draft();
        draft.partnershipId = partnershipId;
        draft.number = number;
        draft.cadence = input.cadence();
        draft.sessionMinutes = input.sessionMinutes();
        draft.meetingMode = input.meetingMode();
        draft.placeOrLink = FreeText.optional(input.placeOrLink());
        draft.channel = FreeText.optional(input.channel());
        draft.responseTimeHours = input.responseTimeHours();
        draft.mentorResponsibilities = FreeText.optional(input.mentorResponsibilities());
        draft.menteeResponsibilities = FreeText.optional(input.menteeResponsibilities());
        draft.groundRules = FreeText.optional(input.groundRules());
        draft.confidentiality = Confidentiality.orDefault(input.confidentiality());
        draft.reviewDate = input.reviewDate() != null ? input.reviewDate() : today.plusMonths(6);
        draft.createdBy = createdBy;
        draft.createdAt = OffsetDateTime.now(clock);
        return draft;
    }

    private Uni<Edited> edited(Agreement agreement, boolean created) {
        return version(agreement.partnershipId, agreement.latestVersion).chain(latest -> agreement.inForceVersion == null
                ? Uni.createFrom().item(new Edited(agreement, latest, null, created))
                : version(agreement.partnershipId, agreement.inForceVersion)
                        .map(inForce -> new Edited(agreement, latest, inForce, created)));
    }

    private Uni<Version> version(UUID partnershipId, int number) {
        return agreements.version(partnershipId, number)
                .chain(draft -> agreements.goals(partnershipId, number).map(goals -> new Version(draft, goals)));
    }

    private Uni<Partnership> partnership(String tenant, UUID id, Participant me) {
        return Partnerships.visible(partnerships, tenant, id, me);
    }
}
