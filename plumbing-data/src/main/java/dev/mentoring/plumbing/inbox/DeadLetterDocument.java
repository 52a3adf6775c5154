package dev.mentoring.plumbing.inbox;

import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every service has the dead-letter routes ({@link DeadLetterResource}), and the gateway's combined document holds
 * them all: each service names its operations after itself ({@code listSessionServiceDeadLetters},
 * {@code replaySessionServiceDeadLetter}), so operation ids stay unique there and in a client generated from it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class DeadLetterDocument implements OASFilter {

    static final String LIST = "listDeadLetters";
    static final String REPLAY = "replayDeadLetter";

    private final String service = pascal(ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
            .orElse("service"));

    @Override
    public Operation filterOperation(Operation operation) {
        if (LIST.equals(operation.getOperationId())) {
            operation.setOperationId("list" + service + "DeadLetters");
        } else if (REPLAY.equals(operation.getOperationId())) {
            operation.setOperationId("replay" + service + "DeadLetter");
        }
        return operation;
    }

    /** {@code session-service} as {@code SessionService}. */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : name.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
