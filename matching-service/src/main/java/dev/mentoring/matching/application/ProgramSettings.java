package dev.mentoring.matching.application;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mentoring.matching.domain.ProgramRules;
import dev.mentoring.matching.persistence.ProgramSettingsRepository;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A program's own matching settings ({@link ProgramRules.MatchingSettings}): its admins set the weights of the match
 * score, the hours apart a pair may live and the default agreement; everyone who sees the program reads them (the pair
 * drafting their agreement starts from its defaults). The general program runs by the tenant's settings (409). Version 0
 * while a program has none; every save raises it (the ETag; If-Match optional, a stale one 412).
 */
@ApplicationScoped
public class ProgramSettings {

    /** A program's settings and their version. */
    public record Versioned(ProgramRules.MatchingSettings settings, long version) {
    }

    private final ProgramSettingsRepository rows;
    private final ProgramAccess access;
    private final ObjectMapper json;
    private final Caller caller;
    private final Clock clock;

    ProgramSettings(ProgramSettingsRepository rows, ProgramAccess access, ObjectMapper json, Caller caller, Clock clock) {
        this.rows = rows;
        this.access = access;
        this.json = json;
        this.caller = caller;
        this.clock = clock;
    }

    /** The settings of a program the caller sees (404 otherwise). */
    @WithSession
    public Uni<Versioned> read(UUID programId) {
        return access.visible(caller.tenant(), programId).chain(seen -> rows.of(programId, false)).map(this::versioned);
    }

    /** The caller, who runs the program (403 when they only see it, 404 otherwise), sets its settings. */
    @WithTransaction
    public Uni<Versioned> save(UUID programId, ProgramRules.MatchingSettings change, String ifMatch) {
        String tenant = caller.tenant();
        // who may first (a stranger learns nothing of the rules); the program's row locked first: two first saves (no
        // settings row to lock yet) queue on it
        return access.runLockedForChange(tenant, programId).invoke(ProgramAccess::notGeneral)
                .chain(program -> rows.of(programId, true)).chain(existing -> {
                    ProgramRules.MatchingSettings valid = ProgramRules.checked(change);
                    EntityTags.check(ifMatch, existing == null ? 0 : existing.version(), false, "the program's matching settings");
                    long version = existing == null ? 1 : existing.version() + 1;
                    return rows.save(programId, tenant, write(valid), version, OffsetDateTime.now(clock))
                            .replaceWith(new Versioned(valid, version));
                });
    }

    /** The settings of a program, within the caller's session: none when it has none. */
    public Uni<ProgramRules.MatchingSettings> of(UUID programId) {
        return programId == null ? Uni.createFrom().item(ProgramRules.MatchingSettings.NONE)
                : rows.of(programId, false).map(stored -> versioned(stored).settings());
    }

    /** Settings as stored. */
    public ProgramRules.MatchingSettings parse(String stored) {
        if (stored == null) {
            return ProgramRules.MatchingSettings.NONE;
        }
        try {
            return json.readValue(stored, ProgramRules.MatchingSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("program matching settings unreadable", e);
        }
    }

    private Versioned versioned(ProgramSettingsRepository.Stored stored) {
        return stored == null ? new Versioned(ProgramRules.MatchingSettings.NONE, 0) : new Versioned(parse(stored.settings()), stored.version());
    }

    private String write(ProgramRules.MatchingSettings settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
