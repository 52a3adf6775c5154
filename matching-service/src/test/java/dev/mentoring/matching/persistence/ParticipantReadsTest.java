package dev.mentoring.matching.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.Column;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The hot read maps every column exactly as Hibernate does, and knows every column the entity has. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ParticipantReadsTest {

    @Inject
    Pool pool;

    @Inject
    ParticipantReads reads;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void everyColumnOfTheEntityIsRead() {
        for (Field field : Participant.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
                continue;
            }
            Column column = field.getAnnotation(Column.class);
            String name = column != null && !column.name().isEmpty() ? column.name() : field.getName();
            assertThat(ParticipantReads.COLUMNS.split(",\\s*")).as("column of field %s", field.getName()).contains(name);
        }
    }

    @Test
    void aFullyFilledRowReadsAsHibernateReadsIt() throws Throwable {
        UUID id = UUID.randomUUID();
        String tenant = "reads-" + UUID.randomUUID().toString().substring(0, 8);
        pool.preparedQuery("""
                insert into participant (id, tenant, employee_id, subject, display_name, time_zone, languages, created_at,
                  updated_at, version, active, is_mentor, is_mentee, manager_employee_id, years_of_experience, seniority,
                  leadership_style, communication_style, skills, industries, expertise, mentor_capacity, mentor_accepting,
                  mentor_would_mentor_in, mentor_preferred_seniority, mentee_goals, mentee_desired_skills,
                  mentee_preferred_industries, mentee_preferred_leadership, mentee_preferred_communication,
                  mentee_max_time_zone_gap, mentee_opted_in, erased_at)
                values ($1, $2, 'E-1', 'sub-1', 'Ada Lovelace', 'Europe/Copenhagen', '{en,da}', now() - interval '2 days',
                  now() - interval '1 day', 7, true, true, true, 'E-0', 12, 'SENIOR', 'COACHING', 'SUPPORTIVE',
                  '{java:4,leadership:3}', '{software,banking}', '{java}', 3, true, '{leadership}', '{JUNIOR,MID}',
                  'grow as a leader', '{leadership:5}', '{banking}', 'SERVANT', 'DIRECT', 5, true, now())""")
                .execute(Tuple.of(id, tenant)).await().atMost(Duration.ofSeconds(10));
        try {
            Participant direct = reads.inTenant(tenant, id).await().atMost(Duration.ofSeconds(10));
            // Hibernate Reactive on a safe duplicated context of its own, as a request or an event has
            Participant hibernate = VertxContextSupport.subscribeAndAwait(() -> sessions.withSession(session -> session.find(Participant.class, id)));
            assertThat(hibernate).isNotNull();
            for (Field field : Participant.class.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !Modifier.isPublic(field.getModifiers())) {
                    continue;
                }
                Object a = field.get(direct);
                Object b = field.get(hibernate);
                if (a instanceof OffsetDateTime at && b instanceof OffsetDateTime bt) {
                    assertThat(at.toInstant()).as(field.getName()).isEqualTo(bt.toInstant());
                } else if (a instanceof Object[] aa && b instanceof Object[] ba) {
                    assertThat(Arrays.deepEquals(aa, ba)).as("%s: %s vs %s", field.getName(), Arrays.toString(aa), Arrays.toString(ba)).isTrue();
                } else {
                    assertThat(a).as(field.getName()).isEqualTo(b);
                }
                assertThat(a).as("%s is filled in this row", field.getName()).isNotNull();
            }
            assertThat(reads.inTenant("another-tenant", id).await().atMost(Duration.ofSeconds(10))).as("another tenant's").isNull();
        } finally {
            pool.preparedQuery("delete from participant where id = $1").execute(Tuple.of(id)).await().atMost(Duration.ofSeconds(10));
        }
    }
}
