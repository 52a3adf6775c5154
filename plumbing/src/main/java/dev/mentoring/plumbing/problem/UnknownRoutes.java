package dev.mentoring.plumbing.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;

/** Answers a path that no route serves with a 404 problem instead of an empty page. */
@ApplicationScoped
public class UnknownRoutes {

    private final ObjectMapper json;

    UnknownRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> {
            if (context.response().ended()) {
                return;
            }
            String body;
            try {
                body = json.writeValueAsString(new Problem("about:blank", "Not Found", 404,
                        "There is nothing at " + context.request().path(), context.request().path(), List.of()));
            } catch (JsonProcessingException e) {
                body = "{\"title\":\"Not Found\",\"status\":404}";
            }
            context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        });
    }
}
