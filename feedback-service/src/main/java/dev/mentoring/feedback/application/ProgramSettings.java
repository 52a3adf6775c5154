package dev.mentoring.feedback.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mentoring.feedback.domain.FeedbackSettings;
import dev.mentoring.feedback.domain.SettingsRules;
import dev.mentoring.feedback.persistence.ProgramCopyRepository;
import dev.mentoring.feedback.persistence.ProgramSettingsRow;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A program's own feedback settings (evaluation interval, health thresholds), set by its admins ({@link ProgramAdmins});
 * without them its partnerships run by the tenant's. Versioned for If-Match like the tenant's: version 0 while the
 * program has none of its own, 1 from the first save. A program the caller does not run, or does not exist, is 404.
 * New settings count from the next evaluation planned and the next health assessment.
 */
@ApplicationScoped
public class ProgramSettings {

    /** The settings a program's partnerships run by, whether they are its own, and the version of its own (0: none). */
    public record InForce(UUID programId, FeedbackSettings settings, boolean own, long version) {
    }

    private static final String ADMIN_ROLE = "program-admin";

    private final Settings settings;
    private final ProgramCopyRepository programs;
    private final ProgramAdmins admins;
    private final Caller caller;
    private final Clock clock;

    ProgramSettings(Settings settings, ProgramCopyRepository programs, ProgramAdmins admins, Caller caller, Clock clock) {
        this.settings = settings;
        this.programs = programs;
        this.admins = admins;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<InForce> read(UUID programId) {
        String tenant = caller.tenant();
        return admins.program(programId, ADMIN_ROLE).chain(program -> inForce(tenant, programId));
    }

    /** Saves the program's own settings, if {@link SettingsRules} allows them; {@code ifMatch} as for the tenant's (412 when stale). */
    @WithTransaction
    public Uni<InForce> save(UUID programId, FeedbackSettings change, String ifMatch) {
        String tenant = caller.tenant();
        // who may first (a stranger learns nothing, not even which values are refused), then what
        return admins.program(programId, ADMIN_ROLE).invoke(program -> SettingsRules.check(change))
                .chain(program -> programs.settingsForChange(programId)).chain(existing -> {
            EntityTags.check(ifMatch, existing == null ? 0 : existing.version, false, "the program's feedback settings");
            ProgramSettingsRow row = existing != null ? existing : new ProgramSettingsRow();
            if (existing == null) {
                row.programId = programId;
                row.tenant = tenant;
            }
            row.settings = settings.write(change);
            row.version = existing == null ? 1 : existing.version + 1;
            row.updatedAt = OffsetDateTime.now(clock);
            return programs.persistSettings(row).replaceWith(new InForce(programId, change, true, row.version));
        });
    }

    /** The program gives up its own settings: its partnerships run by the tenant's again; {@code ifMatch} as for a save. */
    @WithTransaction
    public Uni<InForce> drop(UUID programId, String ifMatch) {
        String tenant = caller.tenant();
        return admins.program(programId, ADMIN_ROLE).chain(program -> programs.settingsForChange(programId)).chain(existing -> {
            EntityTags.check(ifMatch, existing == null ? 0 : existing.version, false, "the program's feedback settings");
            Uni<Void> gone = existing == null ? Uni.createFrom().voidItem() : programs.deleteSettings(existing);
            return gone.chain(() -> inForce(tenant, programId));
        });
    }

    private Uni<InForce> inForce(String tenant, UUID programId) {
        return programs.settingsOf(programId).chain(own -> own != null
                ? Uni.createFrom().item(new InForce(programId, settings.parse(own.settings, tenant), true, own.version))
                : settings.of(tenant).map(theTenants -> new InForce(programId, theTenants, false, 0)));
    }
}
