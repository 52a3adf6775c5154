package dev.mentoring.plumbing.idempotency;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Tells the API document the truth about {@link IdempotencyFilter}: every operation that changes something takes the
 * optional {@code Idempotency-Key} header, and its answers may come back replayed.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                if (IdempotencyFilter.CHANGING.contains(entry.getKey().name())) {
                    document(entry.getValue());
                }
            }
        }
    }

    private static void document(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyFilter.KEY_HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(IdempotencyFilter.KEY_HEADER).in(Parameter.In.HEADER)
                    .required(false)
                    .description("Makes the request safe to retry: a retry with the same key and the same request gets the first "
                            + "answer again (with Idempotency-Replayed: true) and changes nothing; the same key with another "
                            + "request is 422; while the first is still handled, 409. 1 to 200 characters; kept for 24 hours.")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                            .minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
        }
    }
}
