package dev.mentoring.matching.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Each program's own matching settings, as JSON with a version; a program without a row has none. */
@ApplicationScoped
public class ProgramSettingsRepository {

    /** A program's stored settings (JSON) and their version. */
    public record Stored(String settings, long version) {
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /** The program's settings, or null; {@code forChange} locks the row until the transaction ends. */
    public Uni<Stored> of(UUID programId, boolean forChange) {
        return session().chain(s -> s.createNativeQuery("select cast(settings as text), version from program_matching_settings where program_id = ?1"
                + (forChange ? " for update" : ""), Object[].class).setParameter(1, programId).getResultList())
                .map(rows -> rows.isEmpty() ? null : new Stored((String) rows.get(0)[0], ((Number) rows.get(0)[1]).longValue()));
    }

    /** Stores the program's settings at a version. */
    public Uni<Integer> save(UUID programId, String tenant, String settings, long version, OffsetDateTime at) {
        return session().chain(s -> s.createNativeQuery("""
                insert into program_matching_settings (program_id, tenant, settings, updated_at, version)
                values (?1, ?2, cast(cast(?3 as text) as jsonb), ?4, ?5)
                on conflict (program_id) do update set settings = excluded.settings, updated_at = excluded.updated_at,
                    version = excluded.version""")
                .setParameter(1, programId).setParameter(2, tenant).setParameter(3, settings).setParameter(4, at).setParameter(5, version)
                .executeUpdate());
    }
}
