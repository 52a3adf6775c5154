package dev.mentoring.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.mentoring.contracts.EventCatalog;
import dev.mentoring.contracts.EventType;
import dev.mentoring.contracts.Topics;

/**
 * The topology read from the code holds together: every contract topic is written by exactly one service, what the
 * code dispatches on is what the settings subscribe to, and the reader classifies producing and consuming correctly.
 */
class CodeTopologyTest {

    private final CodeTopology code = Overlays.CODE;

    @Test
    void everyContractTopicHasExactlyOneProducer() throws IllegalAccessException {
        Set<String> contractTopics = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                contractTopics.add((String) f.get(null));
            }
        }
        for (EventType<?> type : EventCatalog.ALL) {
            contractTopics.add(type.topic());
        }
        for (String topic : contractTopics) {
            Set<String> producers = new TreeSet<>();
            code.services().stream().filter(s -> s.produces().contains(topic)).forEach(s -> producers.add(s.name()));
            assertThat(producers).as("services producing " + topic).hasSize(1);
        }
    }

    @Test
    void whatTheCodeDispatchesOnIsWhatTheSettingsSubscribeTo() {
        for (CodeTopology.Service s : code.services()) {
            assertThat(s.consumedInCode()).as(s.name() + ": topics dispatched on in code vs incoming channels").isEqualTo(s.consumes());
            if (!s.consumes().isEmpty()) {
                assertThat(s.groups()).as(s.name() + " consumer groups").isNotEmpty();
            }
        }
    }

    @Test
    void theServicesAreTheModulesWithSettings() {
        assertThat(code.services()).extracting(CodeTopology.Service::name).contains("gateway").hasSizeGreaterThanOrEqualTo(2);
        assertThat(code.topics()).isNotEmpty();
    }

    @Test
    void dispatchingIsConsumingAndEverythingElseIsProducing() {
        Set<String> produces = new TreeSet<>();
        Set<String> consumes = new TreeSet<>();
        CodeTopology.scanFile("""
                import dev.mentoring.contracts.SessionEvents;
                import dev.mentoring.contracts.ParticipantEvents;
                import static dev.mentoring.contracts.FeedbackEvents.HEALTH_CHANGED;
                class X {
                    // ParticipantEvents.ERASED in a comment is nothing
                    String s = "FeedbackEvents.GOAL_ACHIEVED";
                    void wire() {
                        EventDispatch.builder()
                            .on(ParticipantEvents.UPDATED, this::x)
                            .on(
                                SessionEvents.SESSION_CHANGES, this::y);
                        outbox.append(DomainEvent.of(t, SessionEvents.REMINDER_DUE, p));
                        outbox.append(DomainEvent.of(t, HEALTH_CHANGED, p));
                        String state = SessionEvents.COMPLETED_STATE;
                    }
                }
                """, produces, consumes);
        assertThat(consumes).containsExactlyInAnyOrder(Topics.PARTICIPANT, Topics.SESSION);
        assertThat(produces).containsExactlyInAnyOrder(Topics.SESSION, Topics.FEEDBACK);
    }

    @Test
    void databaseAndHostOfUrls() {
        assertThat(CodeTopology.databaseOf("jdbc:postgresql://mentoring-pg-rw:5432/matching?ssl=true")).isEqualTo("matching");
        assertThat(CodeTopology.hostOf("postgresql://mentoring-pg-rw:5432/matching")).isEqualTo("mentoring-pg-rw");
    }
}
