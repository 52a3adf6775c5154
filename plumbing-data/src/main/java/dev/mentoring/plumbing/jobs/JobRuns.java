package dev.mentoring.plumbing.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SuccessfulExecution;

/**
 * Counts every scheduled job's runs by its identity and outcome ({@code mentoring_job_runs_total{identity, outcome}},
 * {@code identity} as in {@code @Scheduled(identity = ...)}, {@code outcome} = {@code success} or {@code failure}; not
 * {@code job}, which Prometheus gives the scrape target), from the scheduler's own events: no job has to remember to
 * count. A run that fails (its Uni fails or it throws) counts as a failure; a run skipped (the previous one still
 * running, or the instance configured not to run it) counts as neither. The counters of the jobs scheduled at start
 * begin at 0, so that the first failure shows as an increase.
 */
@ApplicationScoped
public class JobRuns {

    static final String NAME = "mentoring.job.runs";
    static final String SUCCESS = "success";
    static final String FAILURE = "failure";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    JobRuns(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerScheduledJobs(@Observes StartupEvent started, Scheduler scheduler) {
        scheduler.getScheduledJobs().forEach(trigger -> {
            counter(trigger.getId(), SUCCESS);
            counter(trigger.getId(), FAILURE);
        });
    }

    void succeeded(@Observes SuccessfulExecution execution) {
        counter(execution.getExecution().getTrigger().getId(), SUCCESS).increment();
    }

    void failed(@Observes FailedExecution execution) {
        counter(execution.getExecution().getTrigger().getId(), FAILURE).increment();
    }

    private Counter counter(String job, String outcome) {
        return counters.computeIfAbsent(job + "|" + outcome, key -> Counter.builder(NAME).tag("identity", job).tag("outcome", outcome)
                .description("Scheduled job runs, by job identity and outcome").register(registry));
    }
}
