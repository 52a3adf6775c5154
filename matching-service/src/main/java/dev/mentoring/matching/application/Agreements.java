package dev.mentoring.matching.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.AgreementViews;
import dev.mentoring.matching.domain.SmartGoal;
import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.matching.events.AgreementPublisher;
import dev.mentoring.matching.persistence.Agreement;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.Partnership;
import dev.mentoring.matching.persistence.PartnershipRepository;
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

    /** The answer of an edit: the agreement and its new ETag. */
    public record Edited(AgreementViews.View view, String etag, boolean created) {
    }

    private final PartnershipRepository partnerships;
    private final CallingPerson person;
    private final Outbox outbox;
    private final Caller caller;

    Agreements(PartnershipRepository partnerships, CallingPerson person, Outbox outbox, Caller caller) {
        this.partnerships = partnerships;
        this.person = person;
        this.outbox = outbox;
        this.caller = caller;
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    @WithSession
    public Uni<Edited> get(UUID partnershipId) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnership(tenant, partnershipId, me))
                .chain(p -> Agreement.<Agreement>findById(p.id))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Agreement of partnership", partnershipId))
                .chain(agreement -> view(agreement).map(view -> new Edited(view, etag(agreement.latestVersion), false)));
    }

    @WithTransaction
    public Uni<Edited> edit(UUID partnershipId, AgreementViews.Input input, String ifMatch) {
        String tenant = caller.tenant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Problem.FieldError> smart = new ArrayList<>();
        for (int i = 0; i < input.goals().size(); i++) {
            AgreementViews.GoalInput g = input.goals().get(i);
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
            if (!p.state.isRunning()) {
                throw ProblemException.conflict("The partnership is " + p.state.name().toLowerCase() + "; its agreement is closed");
            }
            return Agreement.<Agreement>findById(p.id).chain(existing -> {
                if (existing != null) {
                    if (ifMatch == null) {
                        throw new ProblemException(428, "Precondition Required",
                                "Send If-Match with the ETag of the agreement you edit",
                                List.of(new Problem.FieldError("If-Match", "is required")));
                    }
                    if (!ifMatch.equals(etag(existing.latestVersion)) && !ifMatch.equals("W/" + etag(existing.latestVersion))) {
                        throw new ProblemException(412, "Precondition Failed",
                                "The agreement changed since you read it; it is at version " + existing.latestVersion,
                                List.of(new Problem.FieldError("If-Match", "is stale")));
                    }
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
                        : goals(p.id, agreement.latestVersion).map(list -> {
                            Set<UUID> ids = new HashSet<>();
                            list.forEach(g -> ids.add(g.goalId));
                            return ids;
                        });
                return previousGoals.chain(kept -> {
                    agreement.latestVersion = number;
                    Agreement.Draft draft = draft(p.id, number, input, me.id, today);
                    List<Agreement.Goal> goals = new ArrayList<>();
                    Set<UUID> used = new HashSet<>();
                    for (int i = 0; i < input.goals().size(); i++) {
                        AgreementViews.GoalInput g = input.goals().get(i);
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
                    return agreement.persist().chain(() -> draft.persist()).chain(() -> Agreement.persist(goals))
                            .chain(() -> partnerships.flush())
                            .chain(() -> view(agreement))
                            .map(view -> new Edited(view, etag(number), created));
                });
            });
        }));
    }

    @WithTransaction
    public Uni<Edited> sign(UUID partnershipId, int version) {
        String tenant = caller.tenant();
        return person.inMentorships(tenant).chain(me -> partnership(tenant, partnershipId, me).chain(p -> {
            if (!p.state.isRunning()) {
                throw ProblemException.conflict("The partnership is " + p.state.name().toLowerCase() + "; its agreement is closed");
            }
            return Agreement.<Agreement>findById(p.id)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Agreement of partnership", partnershipId))
                    .chain(agreement -> {
                        if (version != agreement.latestVersion) {
                            throw ProblemException.conflict("Sign the latest version, " + agreement.latestVersion);
                        }
                        return Agreement.Draft.<Agreement.Draft>find("partnershipId = ?1 and number = ?2", p.id, version)
                                .firstResult().chain(draft -> signDraft(p, agreement, draft, me));
                    });
        }));
    }

    private Uni<Edited> signDraft(Partnership p, Agreement agreement, Agreement.Draft draft, Participant me) {
        OffsetDateTime now = MyProfiles.now();
        boolean mentee = p.menteeId.equals(me.id);
        if ((mentee ? draft.menteeSignedAt : draft.mentorSignedAt) != null) {
            return view(agreement).map(view -> new Edited(view, etag(agreement.latestVersion), false)); // signed already
        }
        if (mentee) {
            draft.menteeSignedAt = now;
        } else {
            draft.mentorSignedAt = now;
        }
        List<DomainEvent> events = new ArrayList<>();
        events.add(AgreementPublisher.signed(p.tenant, p.id, draft.number, mentee));
        boolean inForce = draft.menteeSignedAt != null && draft.mentorSignedAt != null;
        return goals(p.id, draft.number).chain(goals -> {
            if (inForce) {
                agreement.inForceVersion = draft.number;
                p.cadence = draft.cadence.name();
                events.add(AgreementPublisher.activated(p.tenant, p.id, draft.number, draft.cadence.name(), draft.sessionMinutes,
                        draft.reviewDate, goals.stream().map(g -> new AgreementEvents.GoalSummary(g.goalId,
                                g.statement, g.measure, g.target, g.dueDate)).toList()));
            }
            return partnerships.flush().chain(() -> outbox.appendAll(events)).chain(() -> view(agreement))
                    .map(view -> new Edited(view, etag(agreement.latestVersion), false));
        });
    }

    private static Agreement.Draft draft(UUID partnershipId, int number, AgreementViews.Input input, UUID createdBy,
            LocalDate today) {
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
        draft.confidentiality = input.confidentiality() == null || input.confidentiality().isBlank()
                ? AgreementViews.DEFAULT_CONFIDENTIALITY : input.confidentiality().strip();
        draft.reviewDate = input.reviewDate() != null ? input.reviewDate() : today.plusMonths(6);
        draft.createdBy = createdBy;
        draft.createdAt = MyProfiles.now();
        return draft;
    }

    private Uni<AgreementViews.View> view(Agreement agreement) {
        return version(agreement.partnershipId, agreement.latestVersion).chain(latest -> agreement.inForceVersion == null
                ? Uni.createFrom().item(new AgreementViews.View(agreement.partnershipId, latest, null))
                : version(agreement.partnershipId, agreement.inForceVersion)
                        .map(inForce -> new AgreementViews.View(agreement.partnershipId, latest, inForce)));
    }

    private static Uni<AgreementViews.Version> version(UUID partnershipId, int number) {
        return Agreement.Draft.<Agreement.Draft>find("partnershipId = ?1 and number = ?2", partnershipId, number).firstResult()
                .chain(draft -> goals(partnershipId, number).map(goals -> AgreementViews.Version.of(draft, goals)));
    }

    private static Uni<List<Agreement.Goal>> goals(UUID partnershipId, int number) {
        return Agreement.Goal.<Agreement.Goal>list("partnershipId = ?1 and number = ?2 order by position", partnershipId, number);
    }

    private Uni<Partnership> partnership(String tenant, UUID id, Participant me) {
        return Partnerships.visible(partnerships, tenant, id, me);
    }
}
