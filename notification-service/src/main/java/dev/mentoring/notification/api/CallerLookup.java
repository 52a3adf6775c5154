package dev.mentoring.notification.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.mentoring.notification.application.Inboxes;
import io.smallrye.mutiny.Uni;

/**
 * For a {@link FollowsInbox} route: the caller's inbox owner, looked up before the resource method runs, so that a caller
 * without one is answered 403 as a problem (a failure here goes to the exception mappers), not with a stream that breaks.
 */
public class CallerLookup {

    /** The request property holding the {@link Inboxes.Me} found. */
    static final String ME = CallerLookup.class.getName() + ".me";

    private final Inboxes inboxes;

    CallerLookup(Inboxes inboxes) {
        this.inboxes = inboxes;
    }

    @FollowsInbox
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Uni<Void> lookUp(ContainerRequestContext request) {
        return inboxes.me().invoke(me -> request.setProperty(ME, me)).replaceWithVoid();
    }
}
