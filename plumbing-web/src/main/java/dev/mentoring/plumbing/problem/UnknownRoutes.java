package dev.mentoring.plumbing.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Answers a path that no route serves with a 404 problem instead of an empty page. */
@ApplicationScoped
public class UnknownRoutes {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(context -> ProblemWriter.send(context.response(), 404, "Not Found",
                "There is nothing at " + context.request().path(), context.request().path()));
    }
}
