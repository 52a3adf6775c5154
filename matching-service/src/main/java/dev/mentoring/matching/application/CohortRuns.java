package dev.mentoring.matching.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.api.MatchingRunRequest;
import dev.mentoring.matching.api.MatchingRunView;
import dev.mentoring.matching.config.MatchingConfig;
import dev.mentoring.matching.domain.CohortMatcher;
import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.events.MatchingRunPublisher;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MatchingRun;
import dev.mentoring.matching.persistence.MatchingRunStore;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.plumbing.outbox.DomainEvent;
import dev.mentoring.plumbing.outbox.Outbox;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Cohort matching runs of a tenant: propose (a dry run, stored with its figures), and commit a proposal
 * into mentorship requests the mentors then accept or decline, publishing matching-run.completed.
 */
@ApplicationScoped
public class CohortRuns {

    private final ParticipantRepository participants;
    private final MatchingRunStore store;
    private final MatchingSettings settings;
    private final MatchingConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Vertx vertx;

    CohortRuns(ParticipantRepository participants, MatchingRunStore store, MatchingSettings settings, MatchingConfig config,
            Outbox outbox, Caller caller, Vertx vertx) {
        this.participants = participants;
        this.store = store;
        this.settings = settings;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.vertx = vertx;
    }

    @WithTransaction
    public Uni<MatchingRunView> run(MatchingRunRequest request) {
        String tenant = caller.tenant();
        String createdBy = caller.subject();
        double minimum = request.minimumScore() == null ? config.defaultMinimumScore() : request.minimumScore();
        CohortMatcher.Objective objective = request.objective() == MatchingRunRequest.Objective.MAX_SCORE
                ? CohortMatcher.Objective.MAX_SCORE : CohortMatcher.Objective.STABLE;
        return settings.weightsOf(tenant).chain(weights -> participants.optedInMentees(tenant)
                .chain(mentees -> store.menteesWithOpenRequests(tenant).chain(waiting -> participants.activeMentors(tenant)
                        .chain(mentors -> store.openRequestsByMentor(tenant).chain(open -> store.endedPairs(tenant).chain(ended -> {
                            List<MatchingProfile> cohort = mentees.stream().filter(m -> !waiting.contains(m.id))
                                    .map(ProfileMapping::toMatching).toList();
                            List<MatchingProfile> mentorProfiles = mentors.stream().map(ProfileMapping::toMatching).toList();
                            Map<UUID, Integer> remaining = new HashMap<>();
                            mentors.forEach(m -> remaining.put(m.id, m.mentorCapacity - open.getOrDefault(m.id, 0)));
                            CohortMatcher.Settings runSettings = new CohortMatcher.Settings(objective, weights,
                                    (int) Math.round(minimum * 10), config.candidatesPerMentee(), Instant.now());
                            // the solver is CPU work: off the event loop, back on this context afterwards
                            return vertx.executeBlocking(Uni.createFrom().item(() -> CohortMatcher.run(cohort, mentorProfiles,
                                    remaining, ended, runSettings)), false);
                        })))))
                .chain(proposal -> store(tenant, createdBy, minimum, request.objective(), proposal))
                .chain(run -> Boolean.FALSE.equals(request.dryRun()) ? commit(run) : view(run, null)));
    }

    @WithSession
    public Uni<MatchingRunView> get(UUID id) {
        return find(id).chain(run -> view(run, null));
    }

    @WithTransaction
    public Uni<MatchingRunView> commit(UUID id) {
        return find(id).chain(this::commit);
    }

    private Uni<MatchingRun> find(UUID id) {
        return MatchingRun.<MatchingRun>find("tenant = ?1 and id = ?2", caller.tenant(), id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Matching run", id));
    }

    private Uni<MatchingRun> store(String tenant, String createdBy, double minimum, MatchingRunRequest.Objective objective,
            CohortMatcher.Proposal proposal) {
        MatchingRun run = new MatchingRun();
        run.id = UUID.randomUUID();
        run.tenant = tenant;
        run.objective = objective == MatchingRunRequest.Objective.MAX_SCORE ? "max-score" : "stable";
        run.minimumScore = BigDecimal.valueOf(minimum);
        run.status = MatchingRun.Status.PROPOSED;
        run.cohortMentees = proposal.cohortMentees();
        run.candidatePairs = proposal.candidatePairs();
        run.matched = proposal.assignments().size();
        run.coveragePercent = BigDecimal.valueOf(proposal.coveragePercent());
        run.meanScore = BigDecimal.valueOf(proposal.meanScore());
        run.minScore = BigDecimal.valueOf(proposal.minimumScore());
        run.blockingPairs = proposal.blockingPairCount();
        run.blockingExamples = proposal.blockingPairs().stream().map(p -> p.menteeId() + ":" + p.mentorId()).toArray(String[]::new);
        run.tookMs = proposal.took().toMillis();
        run.createdBy = createdBy;
        run.createdAt = MyProfiles.now();
        int size = proposal.assignments().size();
        UUID[] mentees = new UUID[size];
        UUID[] mentors = new UUID[size];
        Integer[] points = new Integer[size];
        for (int i = 0; i < size; i++) {
            CohortMatcher.Assignment a = proposal.assignments().get(i);
            mentees[i] = a.menteeId();
            mentors[i] = a.mentorId();
            points[i] = (int) Math.round(a.score() * 10);
        }
        int unmatchedSize = proposal.unmatched().size();
        UUID[] unmatched = new UUID[unmatchedSize];
        String[] reasons = new String[unmatchedSize];
        String[] rules = new String[unmatchedSize];
        for (int i = 0; i < unmatchedSize; i++) {
            CohortMatcher.Unmatched u = proposal.unmatched().get(i);
            unmatched[i] = u.menteeId();
            reasons[i] = u.reason().name();
            rules[i] = u.mostFrequentExclusion() == null ? null : u.mostFrequentExclusion().name();
        }
        return run.<MatchingRun>persistAndFlush()
                .call(() -> store.insertAssignments(run.id, mentees, mentors, points))
                .call(() -> store.insertUnmatched(run.id, unmatched, reasons, rules))
                .replaceWith(run);
    }

    /** Turns the proposal into open requests; a pair whose mentee or mentor changed since is left out. */
    private Uni<MatchingRunView> commit(MatchingRun run) {
        if (run.status == MatchingRun.Status.COMMITTED) {
            return Uni.createFrom().failure(ProblemException.conflict("Matching run " + run.id + " is already committed"));
        }
        String tenant = run.tenant;
        return store.assignments(run.id).chain(assignments -> store.menteesWithOpenRequests(tenant)
                .chain(waiting -> store.openRequestsByMentor(tenant).chain(open -> participants.activeMentors(tenant)
                        .chain(mentors -> {
                            Map<UUID, Integer> remaining = new HashMap<>();
                            for (Participant mentor : mentors) {
                                if (mentor.mentorAccepting) {
                                    remaining.put(mentor.id, mentor.mentorCapacity - open.getOrDefault(mentor.id, 0));
                                }
                            }
                            List<MatchingRunStore.StoredAssignment> still = new ArrayList<>();
                            for (MatchingRunStore.StoredAssignment a : assignments) {
                                int left = remaining.getOrDefault(a.mentorId(), 0);
                                if (!waiting.contains(a.menteeId()) && left > 0) {
                                    remaining.put(a.mentorId(), left - 1);
                                    still.add(a);
                                }
                            }
                            return createRequests(run, still);
                        })))
                .chain(created -> {
                    run.status = MatchingRun.Status.COMMITTED;
                    run.committedAt = MyProfiles.now();
                    return run.<MatchingRun>persistAndFlush()
                            .call(() -> outbox.append(MatchingRunPublisher.completed(run, created)))
                            .chain(() -> view(run, created));
                }));
    }

    private Uni<Integer> createRequests(MatchingRun run, List<MatchingRunStore.StoredAssignment> pairs) {
        int size = pairs.size();
        UUID[] ids = new UUID[size];
        UUID[] mentees = new UUID[size];
        UUID[] mentors = new UUID[size];
        OffsetDateTime now = MyProfiles.now();
        OffsetDateTime expires = now.plus(config.requestExpiry());
        List<DomainEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids[i] = UUID.randomUUID();
            mentees[i] = pairs.get(i).menteeId();
            mentors[i] = pairs.get(i).mentorId();
            events.add(PartnershipPublisher.requested(run.tenant, ids[i], mentees[i], mentors[i], "MATCHING_RUN", run.id, expires));
        }
        return store.insertOpenRequests(run.tenant, run.id, ids, mentees, mentors, now, expires)
                .call(() -> outbox.appendAll(events))
                .replaceWith(size);
    }

    private Uni<MatchingRunView> view(MatchingRun run, Integer requestsCreated) {
        return store.assignments(run.id).chain(assignments -> store.unmatched(run.id)
                .map(unmatched -> MatchingRunView.of(run, assignments, unmatched, requestsCreated)));
    }
}
