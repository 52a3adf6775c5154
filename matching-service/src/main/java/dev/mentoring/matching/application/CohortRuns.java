package dev.mentoring.matching.application;

import dev.mentoring.contracts.PartnershipEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.matching.config.MatchingConfig;
import dev.mentoring.matching.domain.CohortMatcher;
import dev.mentoring.matching.domain.MatchingProfile;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.events.MatchingRunPublisher;
import dev.mentoring.matching.events.PartnershipPublisher;
import dev.mentoring.matching.persistence.MatchingRun;
import dev.mentoring.matching.persistence.MatchingRunRepository;
import dev.mentoring.matching.persistence.MentorshipRequestRepository;
import dev.mentoring.matching.persistence.Participant;
import dev.mentoring.matching.persistence.ParticipantRepository;
import dev.mentoring.matching.persistence.ProfileMapping;
import dev.mentoring.matching.persistence.Program;
import dev.mentoring.matching.persistence.ProgramEnrolmentRepository;
import dev.mentoring.matching.persistence.ProgramIntake;
import dev.mentoring.matching.persistence.ProgramIntakeRepository;
import dev.mentoring.matching.persistence.ProgramRepository;
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

    /** A run as stored: its figures, the proposed pairs, the unmatched mentees, and how many requests its commit created. */
    public record Outcome(MatchingRun run, List<MatchingRunRepository.StoredAssignment> assignments,
            List<MatchingRunRepository.StoredUnmatched> unmatched, Integer requestsCreated) {
    }

    private final ParticipantRepository participants;
    private final MatchingRunRepository store;
    private final MentorshipRequestRepository requests;
    private final MatchingSettings settings;
    private final ProgramSettings programSettings;
    private final ProgramAccess access;
    private final ProgramRepository programs;
    private final ProgramEnrolmentRepository enrolments;
    private final ProgramIntakeRepository intakes;
    private final MatchingConfig config;
    private final Outbox outbox;
    private final Caller caller;
    private final Vertx vertx;
    private final Clock clock;

    CohortRuns(ParticipantRepository participants, MatchingRunRepository store, MentorshipRequestRepository requests,
            MatchingSettings settings, ProgramAccess access, ProgramRepository programs, ProgramEnrolmentRepository enrolments,
            ProgramIntakeRepository intakes, MatchingConfig config, Outbox outbox, Caller caller, Vertx vertx, Clock clock,
            ProgramSettings programSettings) {
        this.programSettings = programSettings;
        this.intakes = intakes;
        this.access = access;
        this.programs = programs;
        this.enrolments = enrolments;
        this.participants = participants;
        this.store = store;
        this.requests = requests;
        this.settings = settings;
        this.config = config;
        this.outbox = outbox;
        this.caller = caller;
        this.vertx = vertx;
        this.clock = clock;
    }

    /**
     * Matches the tenant's cohort (opted-in mentees without an open request) and stores the proposal; {@code commit} turns
     * it into requests at once. {@code minimumScore} null means the configured default.
     * <p>
     * Three short steps, none holding a connection while the solver works (seconds for a large cohort): the cohort is
     * read in one session, solved off the event loop with no session open, and the proposal stored (and committed, when
     * asked) in one transaction. What changed in between is re-checked when committing, now or later: a mentee who got a
     * request meanwhile, or a mentor whose places were taken or who stopped accepting, is left out. (The steps are
     * methods of this bean called on {@code this}: Quarkus intercepts self-invocation, so each opens its own session.)
     */
    public Uni<Outcome> run(CohortMatcher.Objective objective, Double minimumScore, boolean commit, UUID programId) {
        String tenant = caller.tenant();
        String createdBy = caller.subject();
        double minimum = minimumScore == null ? config.defaultMinimumScore() : minimumScore;
        return cohortToMatch(tenant, objective, minimum, programId)
                // the solver is CPU work: off the event loop, back on this context afterwards
                .chain(cohort -> vertx.executeBlocking(Uni.createFrom().item(cohort::match), false)
                        .chain(proposal -> saveProposal(tenant, createdBy, minimum, objective, proposal, commit, cohort.programId())));
    }

    /** What a run matches, read as it is now. */
    record CohortToMatch(UUID programId, List<MatchingProfile> mentees, List<MatchingProfile> mentors, Map<UUID, Integer> remaining,
            Map<UUID, Set<UUID>> ended, CohortMatcher.Settings settings) {

        CohortMatcher.Proposal match() {
            return CohortMatcher.run(mentees, mentors, remaining, ended, settings);
        }
    }

    /**
     * Step one: the cohort, the mentors and their free places, in one read-only session. In a program other than the
     * general one, only the mentees and mentors enrolled in it; the program must be running.
     */
    @WithSession
    Uni<CohortToMatch> cohortToMatch(String tenant, CohortMatcher.Objective objective, double minimum, UUID programId) {
        return program(tenant, programId, false).chain(program -> people(program).chain(enrolled -> intakesOf(program).chain(intakes -> settings.weightsOf(tenant)
                .chain(tenants -> programSettings.of(program.id).chain(own -> participants.optedInMentees(tenant)
                .chain(mentees -> store.menteesWithOpenRequests(tenant).chain(waiting -> participants.activeMentors(tenant)
                        .chain(mentors -> store.placesTakenByMentor(tenant).chain(open -> store.endedPairs(tenant).map(ended -> {
                            List<MatchingProfile> cohort = mentees.stream().filter(m -> !waiting.contains(m.id))
                                    .filter(m -> enrolled.mentee(m.id))
                                    .map(m -> ProfileMapping.withHoursApartAtMost(withIntake(ProfileMapping.toMatching(m), intakes.get(m.id)),
                                            own.maxHoursApart())).toList();
                            List<MatchingProfile> mentorProfiles = mentors.stream().filter(m -> enrolled.mentor(m.id))
                                    .map(ProfileMapping::toMatching).toList();
                            Map<UUID, Integer> remaining = new HashMap<>();
                            mentors.forEach(m -> remaining.put(m.id, enrolled.places(m.id, m.mentorCapacity - open.getOrDefault(m.id, 0))));
                            CohortMatcher.Settings runSettings = new CohortMatcher.Settings(objective, own.weightsOr(tenants),
                                    (int) Math.round(minimum * 10), config.candidatesPerMentee(), clock.instant());
                            return new CohortToMatch(program.id, cohort, mentorProfiles, remaining, ended, runSettings);
                        }))))))))));
    }

    /** The program's mentees' intakes, by person (none in the general program). */
    private Uni<Map<UUID, ProgramIntake>> intakesOf(Program program) {
        if (program.general) {
            return Uni.createFrom().item(Map.of());
        }
        return intakes.ofProgram(program.id, MentoringRole.MENTEE).map(list -> {
            Map<UUID, ProgramIntake> byPerson = new HashMap<>();
            list.forEach(i -> byPerson.put(i.participantId, i));
            return byPerson;
        });
    }

    private static MatchingProfile withIntake(MatchingProfile profile, ProgramIntake intake) {
        return intake == null ? profile : ProfileMapping.withIntake(profile, intake.areasToDevelop, Intakes.goalWords(intake.goals));
    }

    /** Who may be matched in a program: everyone with the role in the general program, the enrolled in any other. */
    record Enrolled(Set<UUID> mentees, Set<UUID> mentors, Map<UUID, Integer> placesInProgram) {

        static final Enrolled EVERYONE = new Enrolled(null, null, Map.of());

        /** A mentor's places: overall, or fewer where their intake gives them fewer in the program. */
        int places(UUID id, int overall) {
            return dev.mentoring.matching.domain.Intake.placesLeft(overall, placesInProgram.get(id));
        }

        boolean mentee(UUID id) {
            return mentees == null || mentees.contains(id);
        }

        boolean mentor(UUID id) {
            return mentors == null || mentors.contains(id);
        }
    }

    private Uni<Enrolled> people(Program program) {
        if (program.general) {
            return Uni.createFrom().item(Enrolled.EVERYONE);
        }
        return enrolments.enrolledIds(program.id, MentoringRole.MENTEE).chain(mentees -> enrolments.enrolledIds(program.id,
                MentoringRole.MENTOR).chain(mentors -> intakes.mentorPlacesLeft(program.id)
                        .map(places -> new Enrolled(Set.copyOf(mentees), Set.copyOf(mentors), places))));
    }

    /**
     * The program a run matches (the general one when none is named), which must be running; share-locked when committing,
     * so that a closing waits for the requests the commit makes (and the commit for the closing).
     */
    private Uni<Program> program(String tenant, UUID programId, boolean locked) {
        Uni<Program> found = programId == null ? access.general(tenant)
                : locked ? programs.lockedInTenant(tenant, programId) : programs.findInTenant(tenant, programId);
        return found.map(program -> {
            if (program == null) {
                throw ProblemException.unprocessable("programId", "is not a program of your organisation");
            }
            program.state.matches();
            return program;
        });
    }

    /** Step three: the proposal stored, and committed when asked (which re-checks what changed since step one). */
    @WithTransaction
    Uni<Outcome> saveProposal(String tenant, String createdBy, double minimum, CohortMatcher.Objective objective,
            CohortMatcher.Proposal proposal, boolean commit, UUID programId) {
        return store(tenant, createdBy, minimum, objective, proposal, programId).chain(run -> commit ? commit(run) : outcome(run, null));
    }

    @WithSession
    public Uni<Outcome> get(UUID id) {
        return find(id).chain(run -> outcome(run, null));
    }

    @WithTransaction
    public Uni<Outcome> commit(UUID id) {
        return find(id).chain(this::commit);
    }

    private Uni<MatchingRun> find(UUID id) {
        return store.findInTenant(caller.tenant(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Matching run", id));
    }

    private Uni<MatchingRun> store(String tenant, String createdBy, double minimum, CohortMatcher.Objective objective,
            CohortMatcher.Proposal proposal, UUID programId) {
        MatchingRun run = new MatchingRun();
        run.id = UUID.randomUUID();
        run.tenant = tenant;
        run.programId = programId;
        run.objective = objective == CohortMatcher.Objective.MAX_SCORE ? "max-score" : "stable";
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
        run.createdAt = OffsetDateTime.now(clock);
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
        return store.persistAndFlush(run)
                .call(() -> store.insertAssignments(run.id, mentees, mentors, points))
                .call(() -> store.insertUnmatched(run.id, unmatched, reasons, rules))
                .replaceWith(run);
    }

    /** Turns the proposal into open requests; a pair whose mentee or mentor changed since is left out. */
    private Uni<Outcome> commit(MatchingRun run) {
        if (run.status == MatchingRun.Status.COMMITTED) {
            return Uni.createFrom().failure(ProblemException.conflict("Matching run " + run.id + " is already committed"));
        }
        String tenant = run.tenant;
        // the run's program, which must still be running
        return program(tenant, run.programId, true).chain(program -> people(program).chain(enrolled -> store.assignments(run.id)
                .chain(assignments -> store.menteesWithOpenRequests(tenant)
                .chain(waiting -> store.placesTakenByMentor(tenant).chain(open -> participants.activeMentors(tenant)
                        .chain(mentors -> {
                            Map<UUID, Integer> remaining = new HashMap<>();
                            for (Participant mentor : mentors) {
                                if (mentor.mentorAccepting) {
                                    remaining.put(mentor.id, enrolled.places(mentor.id, mentor.mentorCapacity - open.getOrDefault(mentor.id, 0)));
                                }
                            }
                            List<MatchingRunRepository.StoredAssignment> still = new ArrayList<>();
                            for (MatchingRunRepository.StoredAssignment a : assignments) {
                                int left = remaining.getOrDefault(a.mentorId(), 0);
                                if (!waiting.contains(a.menteeId()) && left > 0 && enrolled.mentee(a.menteeId())
                                        && enrolled.mentor(a.mentorId())) {
                                    remaining.put(a.mentorId(), left - 1);
                                    still.add(a);
                                }
                            }
                            return createRequests(run, program, still);
                        })))))
                .chain(created -> {
                    run.status = MatchingRun.Status.COMMITTED;
                    run.committedAt = OffsetDateTime.now(clock);
                    return store.persistAndFlush(run)
                            .call(() -> outbox.append(MatchingRunPublisher.completed(run, created)))
                            .chain(() -> outcome(run, created));
                }));
    }

    private Uni<Integer> createRequests(MatchingRun run, Program program, List<MatchingRunRepository.StoredAssignment> pairs) {
        int size = pairs.size();
        UUID[] ids = new UUID[size];
        UUID[] mentees = new UUID[size];
        UUID[] mentors = new UUID[size];
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(program.requestExpiryDays == null ? config.requestExpiry()
                : java.time.Duration.ofDays(program.requestExpiryDays));
        List<DomainEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ids[i] = UUID.randomUUID();
            mentees[i] = pairs.get(i).menteeId();
            mentors[i] = pairs.get(i).mentorId();
            events.add(PartnershipPublisher.requested(run.tenant, ids[i], mentees[i], mentors[i], PartnershipEvents.ORIGIN_MATCHING_RUN, run.id, expires,
                    program.id));
        }
        return requests.openForRun(run.tenant, run.id, program.id, ids, mentees, mentors, now, expires)
                .call(() -> outbox.appendAll(events))
                .replaceWith(size);
    }

    private Uni<Outcome> outcome(MatchingRun run, Integer requestsCreated) {
        return store.assignments(run.id).chain(assignments -> store.unmatched(run.id)
                .map(unmatched -> new Outcome(run, assignments, unmatched, requestsCreated)));
    }
}
