package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.Figure;
import dev.mentoring.feedback.domain.HealthRules;
import dev.mentoring.feedback.domain.Suppression;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.MonthTotals;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.ProgramCount;
import dev.mentoring.feedback.persistence.ProgramAnalyticsRepository.Totals;
import dev.mentoring.feedback.persistence.ProgramCopy;
import dev.mentoring.feedback.persistence.ProgramCopyRepository;
import dev.mentoring.plumbing.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Program analytics for a tenant or one of its programs: active partnerships, sessions held per month, attendance
 * rate, average ratings, a net-promoter-style score, goal achievement rate, partnerships by health state, a trend by
 * month and the funnel of the mentees' journey; and every program's funnel side by side. Any figure drawn from fewer
 * than {@link Figure#MIN_PEOPLE} people is withheld ({@link Figure}). The figures that add up (partnerships, by health
 * state, sessions held by month, the funnel's steps) are parts of the tenant's and of each other, so they are suppressed
 * together across every program ({@link Suppression}): no report of one program, nor the list of all, lets a hidden
 * figure be worked out from the tenant's and the others.
 */
@ApplicationScoped
public class Analytics {

    /** One month of the trend. */
    public record Month(String month, Figure sessionsHeld, Figure averageOverallRating) {
    }

    /** The tenant's (or one program's) figures from one day to another, and the funnel of its mentees so far. */
    public record Report(String tenant, UUID programId, LocalDate from, LocalDate to, int minimumPeople, Figure activePartnerships,
            Figure attendanceRatePercent, Figure averageOverall, Figure averagePreparation, Figure averageCommunication,
            Figure netPromoterScore, Figure goalAchievementRatePercent, Figure goalsAchieved, Map<String, Figure> partnershipsByHealth,
            List<Month> trend, Funnel funnel) {
    }

    /**
     * The mentees' journey in distinct mentees, step by step: enrolled (null for the general program, which everyone with
     * a mentee role is in without enrolling), requested, matched, agreement in force, first session held, evaluated,
     * completed.
     */
    public record Funnel(Figure enrolled, Figure requested, Figure matched, Figure agreementSigned, Figure firstSession,
            Figure evaluated, Figure completed) {

        static final int STEPS = 7;
    }

    /** One program's funnel, in the list of every program's. */
    public record ProgramFunnel(UUID programId, boolean general, String state, Funnel funnel) {
    }

    /** Every program's funnel and the tenant's. */
    public record ByProgram(String tenant, int minimumPeople, Funnel tenantFunnel, List<ProgramFunnel> programs) {
    }

    /** The roles that read the analytics of every program of the tenant. */
    private static final String[] TENANT_WIDE = { "program-admin", "analytics" };

    /** The id of a figure that adds up across programs: of a program (null: before programs), or the tenant's ({@code TENANT}). */
    private record Cell(Object program, String kind, String key) {
    }

    private static final Object TENANT = "tenant";

    private final Participants participants;
    private final ProgramAnalyticsRepository figures;
    private final ProgramAdmins admins;
    private final ProgramCopyRepository programs;
    private final Clock clock;

    Analytics(Participants participants, ProgramAnalyticsRepository figures, ProgramAdmins admins, ProgramCopyRepository programs,
            Clock clock) {
        this.participants = participants;
        this.figures = figures;
        this.admins = admins;
        this.programs = programs;
        this.clock = clock;
    }

    /**
     * The caller's tenant's report over the last {@code months} months (12 when null, 1 to 36), or one program's: the
     * tenant's for the tenant-wide roles (403 for anyone else), a program's for its admins (404 for a program the
     * caller does not run, or that does not exist).
     */
    @WithSession
    public Uni<Report> report(Integer months, UUID programId) {
        int span = months == null ? 12 : months;
        if (span < 1 || span > 36) {
            throw ProblemException.badRequest("months", "must be between 1 and 36");
        }
        String tenant = participants.tenant();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.withDayOfMonth(1).minusMonths(span - 1);
        OffsetDateTime since = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        return readable(programId).chain(program -> figures.totals(tenant, programId, since)
                .chain(totals -> figures.byMonth(tenant, programId, since).chain(trend -> table(tenant, since)
                        .map(table -> report(tenant, programId, program != null && program.general, from, to, totals, trend, table)))));
    }

    /** Every program's funnel beside the tenant's, for the tenant-wide roles. */
    @WithSession
    public Uni<ByProgram> byProgram() {
        String tenant = participants.tenant();
        OffsetDateTime since = LocalDate.now(clock).withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return admins.scope(TENANT_WIDE).invoke(scope -> {
            if (!scope.tenantWide()) {
                throw new ProblemException(403, "Forbidden", "Only the program-admin and analytics roles read every program's analytics");
            }
        }).chain(() -> programs.ofTenant(tenant)).chain(known -> table(tenant, since).map(table -> {
            List<ProgramFunnel> list = new ArrayList<>();
            // programs in the copies, and partnerships copied before their program was known (programId null)
            for (Object id : table.programs()) {
                ProgramCopy program = id == null ? null : known.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
                boolean general = program != null && program.general;
                list.add(new ProgramFunnel((UUID) id, general, program == null ? null : program.state, table.funnel(id, general)));
            }
            for (ProgramCopy program : known) {
                if (!table.programs().contains(program.id)) {
                    list.add(new ProgramFunnel(program.id, program.general, program.state, table.funnel(program.id, program.general)));
                }
            }
            return new ByProgram(tenant, Figure.MIN_PEOPLE, table.funnel(TENANT, false), list);
        }));
    }

    /** The program the caller may read (null for the tenant's report, for the tenant-wide roles only). */
    private Uni<ProgramCopy> readable(UUID programId) {
        if (programId != null) {
            return admins.program(programId, TENANT_WIDE);
        }
        return admins.scope(TENANT_WIDE).map(scope -> {
            if (!scope.tenantWide()) {
                throw new ProblemException(403, "Forbidden",
                        "Only the program-admin and analytics roles read the tenant's analytics; a program's admins name it (programId)");
            }
            return null;
        });
    }

    /** The figures that add up, for every program and the tenant, suppressed together. */
    private Uni<Shown> table(String tenant, OffsetDateTime since) {
        return figures.byProgram(tenant, since).map(Shown::of);
    }

    /**
     * The additive figures as shown. Lines: each figure of the tenant is the total of the programs' (a person may count in
     * several programs, so a line's parts may add up to more than its total); a program's (and the tenant's) active
     * partnerships by health state are the parts of its active partnerships.
     */
    private record Shown(Set<Object> programs, Map<Object, Figure> figures) {

        static Shown of(List<ProgramCount> counts) {
            Set<Object> programs = new LinkedHashSet<>();
            Set<List<String>> keys = new LinkedHashSet<>();
            Suppression table = Suppression.table();
            for (ProgramCount c : counts) {
                if (!c.total()) {
                    programs.add(c.programId());
                }
                keys.add(List.of(c.kind(), c.key()));
                table.count(new Cell(c.total() ? TENANT : c.programId(), c.kind(), c.key()), new Suppression.Count(c.value(), c.people()));
            }
            for (int step = 0; step < Funnel.STEPS; step++) {
                keys.add(List.of("funnel", Integer.toString(step)));
            }
            keys.add(List.of("active", ""));
            keys.add(List.of("achieved", ""));
            for (HealthRules.State state : HealthRules.State.values()) {
                keys.add(List.of("health", state.name()));
            }
            List<Object> rows = new ArrayList<>(programs);
            rows.add(TENANT);
            for (List<String> key : keys) {
                List<Cell> parts = new ArrayList<>();
                for (Object program : programs) {
                    parts.add(cell(table, program, key));
                }
                table.line(parts, cell(table, TENANT, key));
            }
            for (Object row : rows) {
                List<Cell> states = new ArrayList<>();
                for (HealthRules.State state : HealthRules.State.values()) {
                    states.add(cell(table, row, List.of("health", state.name())));
                }
                table.line(states, cell(table, row, List.of("active", "")));
            }
            return new Shown(programs, table.shown());
        }

        /** The cell of a row and key, counted as empty where no count came. */
        private static Cell cell(Suppression table, Object row, List<String> key) {
            Cell cell = new Cell(row, key.get(0), key.get(1));
            table.countIfAbsent(cell);
            return cell;
        }

        Figure figure(Object program, String kind, String key) {
            return Objects.requireNonNullElseGet(figures.get(new Cell(program, kind, key)), Figure::hidden);
        }

        Funnel funnel(Object program, boolean general) {
            Figure[] steps = new Figure[Funnel.STEPS];
            for (int step = 0; step < Funnel.STEPS; step++) {
                steps[step] = figure(program, "funnel", Integer.toString(step));
            }
            return new Funnel(general ? null : steps[0], steps[1], steps[2], steps[3], steps[4], steps[5], steps[6]);
        }
    }

    private static double number(Double value) {
        return value == null ? 0 : value;
    }

    private static Report report(String tenant, UUID programId, boolean general, LocalDate from, LocalDate to, Totals t,
            List<MonthTotals> trend, Shown shown) {
        Object row = programId == null ? TENANT : programId;
        long completed = t.sessionsHeld();
        long noShows = t.noShows();
        long answers = t.recommendations();
        long goals = t.goals();
        Map<String, Figure> byHealth = new LinkedHashMap<>();
        for (HealthRules.State state : HealthRules.State.values()) {
            byHealth.put(state.name(), shown.figure(row, "health", state.name()));
        }
        List<Month> months = new ArrayList<>();
        for (MonthTotals month : trend) {
            months.add(new Month(month.month(), shown.figure(row, "month", month.month()),
                    Figure.of(number(month.averageOverall()), month.raters())));
        }
        return new Report(tenant, programId, from, to, Figure.MIN_PEOPLE,
                shown.figure(row, "active", ""),
                Figure.of(completed + noShows == 0 ? 0 : 100.0 * completed / (completed + noShows), t.attendancePeople()),
                Figure.of(number(t.averageOverall()), t.raters()), Figure.of(number(t.averagePreparation()), t.raters()),
                Figure.of(number(t.averageCommunication()), t.raters()),
                Figure.of(answers == 0 ? 0 : 100.0 * (t.promoters() - t.detractors()) / answers, t.recommenders()),
                Figure.of(goals == 0 ? 0 : 100.0 * t.goalsAchieved() / goals, t.goalPeople()),
                shown.figure(row, "achieved", ""), byHealth, months, shown.funnel(row, general));
    }
}
