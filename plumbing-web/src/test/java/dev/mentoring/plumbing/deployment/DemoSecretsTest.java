package dev.mentoring.plumbing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DemoSecretsTest {

    private static final String LOCAL_NOTE_KEY = "bG9jYWwtb25seS1ub3RlLWtleS0zMi1ieXRlcy0hISE=";

    private static Set<String> committed() {
        Properties sessions = new Properties();
        sessions.setProperty("%local,dev,test.mentoring.sessions.note-keys.keys.local-1", LOCAL_NOTE_KEY);
        sessions.setProperty("%local,dev,test.quarkus.datasource.password", "sessions");
        sessions.setProperty("quarkus.datasource.username", "sessions");
        sessions.setProperty("mentoring.sessions.note-keys.active", "local-1");
        return DemoSecrets.committedValues(List.of(sessions));
    }

    @Test
    void secretsAreKnownByPropertyAndEnvironmentNames() {
        assertThat(DemoSecrets.isSecret("quarkus.datasource.password")).isTrue();
        assertThat(DemoSecrets.isSecret("QUARKUS_DATASOURCE_PASSWORD")).isTrue();
        assertThat(DemoSecrets.isSecret("mentoring.sessions.note-keys.keys.2027-01")).isTrue();
        assertThat(DemoSecrets.isSecret("MENTORING_SESSIONS_NOTE_KEYS_KEYS_2027_01")).isTrue();
        assertThat(DemoSecrets.isSecret("KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(DemoSecrets.isSecret("quarkus.oidc.credentials.secret")).isTrue();
        assertThat(DemoSecrets.isSecret("quarkus.datasource.username")).isFalse();
        assertThat(DemoSecrets.isSecret("mentoring.sessions.note-keys.active")).isFalse();
    }

    @Test
    void onlySecretValuesCountAsCommitted() {
        assertThat(committed()).containsExactlyInAnyOrder(LOCAL_NOTE_KEY, "sessions");
    }

    @Test
    void theLocalNoteKeyIsRefusedWhereverItComesFrom() {
        assertThat(DemoSecrets.demoSecretsIn(Map.of("MENTORING_SESSIONS_NOTE_KEYS_KEYS_LOCAL_1", LOCAL_NOTE_KEY), committed()))
                .containsExactly("mentoring.sessions.note.keys.keys.local.1");
        assertThat(DemoSecrets.demoSecretsIn(Map.of("mentoring.sessions.note-keys.keys.2027-01", LOCAL_NOTE_KEY + " "), committed()))
                .containsExactly("mentoring.sessions.note.keys.keys.2027.01");
    }

    @Test
    void theDemoRealmsClientSecretsAndLocalPasswordsAreRefused() {
        assertThat(DemoSecrets.demoSecretsIn(Map.of(
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "hr-acme-local-secret",
                "QUARKUS_DATASOURCE_PASSWORD", "sessions"), committed()))
                .containsExactly("quarkus.datasource.password", "quarkus.oidc.credentials.secret");
    }

    @Test
    void aPropertyAndItsEnvironmentVariableAreOneSettingAndOtherProfilesAreNotInEffect() {
        assertThat(DemoSecrets.demoSecretsIn(Map.of(
                "quarkus.datasource.password", "sessions",
                "QUARKUS_DATASOURCE_PASSWORD", "sessions",
                "%local,dev,test.mentoring.sessions.note-keys.keys.local-1", LOCAL_NOTE_KEY), committed()))
                .containsExactly("quarkus.datasource.password");
    }

    @Test
    void ownSecretsPass() {
        assertThat(DemoSecrets.demoSecretsIn(Map.of(
                "QUARKUS_DATASOURCE_PASSWORD", "b7Xo2-generated",
                "MENTORING_SESSIONS_NOTE_KEYS_KEYS_2027_01", "q83uUQ1mZ8m0l2vB1o0bqg0p5Yb1s3xq7lWcY1lq1tA=",
                "quarkus.datasource.username", "sessions"), committed())).isEmpty();
    }
}
