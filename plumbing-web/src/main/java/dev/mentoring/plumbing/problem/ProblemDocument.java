package dev.mentoring.plumbing.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Tells the API document the truth about error answers, for people and for generated clients (which type an error
 * only when the document gives it a body): every error answer is a problem document ({@link Problem},
 * {@code application/problem+json}), also those the framework lists with no body (400, 401, 403); and an operation
 * that names a resource in its path may answer 404, which is also what another tenant's or another person's id gets.
 * An upsert (an operation that may answer 201) makes what its path names and is left as it is.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemDocument implements OASFilter {

    static final String NOT_FOUND = "No such resource for this caller: none with this id in the caller's tenant, or one "
            + "the caller may not see (another person's is answered as if it did not exist)";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null || responses.getAPIResponses() == null) {
                    continue;
                }
                if (path.getKey().contains("{") && !responses.hasAPIResponse("404") && !responses.hasAPIResponse("201")) {
                    responses.addAPIResponse("404", OASFactory.createAPIResponse().description(NOT_FOUND));
                }
                responses.getAPIResponses().forEach((status, response) -> {
                    if ((status.startsWith("4") || status.startsWith("5")) && response.getRef() == null && isEmpty(response)) {
                        response.setContent(problem());
                    }
                });
            }
        }
    }

    private static boolean isEmpty(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
    }
}
