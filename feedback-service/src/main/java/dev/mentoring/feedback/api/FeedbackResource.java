package dev.mentoring.feedback.api;

import java.util.UUID;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import dev.mentoring.feedback.application.Analytics;
import dev.mentoring.feedback.application.Evaluations;
import dev.mentoring.feedback.application.FeedbackAsks;
import dev.mentoring.feedback.application.Goals;
import dev.mentoring.feedback.application.HealthReports;
import dev.mentoring.feedback.application.SessionFeedbacks;
import dev.mentoring.feedback.application.Settings;
import dev.mentoring.plumbing.concurrency.EntityTags;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.tenancy.Caller;
import dev.mentoring.plumbing.validation.QueryValues;
import io.smallrye.mutiny.Uni;

/**
 * Session feedback, asks for feedback, evaluations, goal check-ins, partnership health, program analytics and settings. Lists are paged;
 * session feedback and the settings answer with their ETag, which an edit may send back in If-Match.
 */
@Path("/")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    static final String FEEDBACK_ETAG = "The feedback's version in quotes, e.g. \"2\": what If-Match may send to edit it";
    static final String SETTINGS_ETAG = "The settings' version in quotes, e.g. \"3\": what If-Match may send to set them";
    static final String OPTIONAL_IF_MATCH = "Your feedback's ETag as read; optional (without it the last edit wins)";

    private final SessionFeedbacks feedback;
    private final FeedbackAsks asks;
    private final Evaluations evaluations;
    private final Goals goals;
    private final HealthReports health;
    private final Analytics analytics;
    private final Settings settings;
    private final Caller caller;

    FeedbackResource(SessionFeedbacks feedback, FeedbackAsks asks, Evaluations evaluations, Goals goals, HealthReports health,
            Analytics analytics, Settings settings, Caller caller) {
        this.feedback = feedback;
        this.asks = asks;
        this.evaluations = evaluations;
        this.goals = goals;
        this.health = health;
        this.analytics = analytics;
        this.settings = settings;
        this.caller = caller;
    }

    @POST
    @Path("/sessions/{sessionId}/feedback")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "giveSessionFeedback", summary = "Give feedback on a session that took place (within 14 days, once)",
            description = "Ratings 1-5 and a comment; shareWithOther decides whether the other participant sees it. Program admins only ever see aggregates.")
    @APIResponse(responseCode = "201", description = "The feedback",
            headers = @Header(name = HttpHeaders.ETAG, description = FEEDBACK_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackViews.FeedbackView.class)))
    public Uni<RestResponse<FeedbackViews.FeedbackView>> give(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid FeedbackViews.FeedbackInput in) {
        return feedback.give(sessionId, in.ratings()).map(seen -> feedbackAnswer(201, seen));
    }

    @PUT
    @Path("/sessions/{sessionId}/feedback")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "editSessionFeedback", summary = "Edit your feedback on a session, within 24 hours of giving it",
            description = "If-Match with your feedback's ETag is optional: one that is not its latest is 412; without one the last edit wins.")
    @APIResponse(responseCode = "200", description = "Your feedback, edited",
            headers = @Header(name = HttpHeaders.ETAG, description = FEEDBACK_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedbackViews.FeedbackView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<FeedbackViews.FeedbackView>> edit(@PathParam("sessionId") UUID sessionId,
            @NotNull @Valid FeedbackViews.FeedbackInput in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = OPTIONAL_IF_MATCH) String ifMatch) {
        return feedback.edit(sessionId, in.ratings(), ifMatch).map(seen -> feedbackAnswer(200, seen));
    }

    @GET
    @Path("/sessions/{sessionId}/feedback")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listSessionFeedback", summary = "Your feedback on the session, and the other's if they shared it",
            description = "Oldest first; paged (limit, cursor). Each item's version is its ETag's number.")
    public Uni<Page<FeedbackViews.FeedbackView>> ofSession(@PathParam("sessionId") UUID sessionId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return feedback.ofSession(sessionId, PageRequest.of(cursor, limit)).map(page -> page(page, FeedbackViews.FeedbackView::of));
    }

    @GET
    @Path("/partnerships/{partnershipId}/evaluations")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listEvaluations", summary = "The partnership's evaluations: planned, open, completed, overdue",
            description = "By the date each opens; paged (limit, cursor).")
    public Uni<Page<FeedbackViews.EvaluationView>> evaluations(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return evaluations.ofPartnership(partnershipId, PageRequest.of(cursor, limit)).map(page -> page(page, FeedbackViews.EvaluationView::of));
    }

    @POST
    @Path("/partnerships/{partnershipId}/evaluations/{evaluationId}/answers")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "answerEvaluation", summary = "Answer an open (or overdue) evaluation, once",
            description = "Progress on each goal, relationship quality, how likely you would recommend this mentoring, what went well, what was hard.")
    @APIResponse(responseCode = "201", description = "The evaluation", content = @Content(schema = @Schema(implementation = FeedbackViews.EvaluationView.class)))
    public Uni<FeedbackViews.EvaluationView> answer(@PathParam("partnershipId") UUID partnershipId,
            @PathParam("evaluationId") UUID evaluationId, @NotNull @Valid FeedbackViews.EvaluationAnswer in) {
        return evaluations.answer(partnershipId, evaluationId, in.answer()).map(FeedbackViews.EvaluationView::of);
    }

    @POST
    @Path("/partnerships/{partnershipId}/feedback-asks")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "askForFeedback", summary = "Ask the other person of the partnership for feedback, on a session or on the partnership so far",
            description = "The other is told in their inbox. Answered when they give feedback on the session (for an ask on the partnership: on "
                    + "any of its sessions, or answer an evaluation). One open ask per subject (409); the partnership must be active (409); a "
                    + "session must be one of the partnership's that took place, within its 14-day feedback window (422 naming sessionId, or 409). "
                    + "Body {} (or {\"sessionId\": null}) asks on the partnership so far. An ask on a session lapses when its window closes. "
                    + "An ask open for more than 7 days counts in the partnership's lack-of-feedback pitfall while it can be answered.")
    @APIResponse(responseCode = "201", description = "The ask", content = @Content(schema = @Schema(implementation = FeedbackViews.FeedbackAskView.class)))
    @APIResponse(responseCode = "409", description = "Asked already, the other gave that feedback already, the partnership is not active, or the session's window closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "sessionId is not a session of this partnership",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such partnership for this caller (another person's is answered as if it did not exist)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<FeedbackViews.FeedbackAskView> askForFeedback(@PathParam("partnershipId") UUID partnershipId,
            @Valid FeedbackViews.FeedbackAskInput in) {
        return asks.ask(partnershipId, in == null ? null : in.sessionId()).map(FeedbackViews.FeedbackAskView::of);
    }

    @GET
    @Path("/partnerships/{partnershipId}/feedback-asks")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listFeedbackAsks", summary = "The partnership's asks for feedback, both ways",
            description = "Newest first; only the open ones (not answered, not lapsed) with state=OPEN; paged (limit, cursor).")
    public Uni<Page<FeedbackViews.FeedbackAskView>> feedbackAsks(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("state") @Parameter(description = "OPEN for the open ones only; all when absent",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN" })) String state,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        if (state != null && !"OPEN".equals(state)) {
            throw ProblemException.badRequest("state", "must be OPEN or absent");
        }
        return asks.ofPartnership(partnershipId, state != null, PageRequest.of(cursor, limit))
                .map(page -> page(page, FeedbackViews.FeedbackAskView::of));
    }

    @GET
    @Path("/celebrations")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listCelebrations", summary = "The goals achieved in the caller's partnerships, newest first",
            description = "Both people of a partnership see its achievements (goal.achieved tells both in their inbox too); an achieved "
                    + "goal stays one when a later agreement leaves it out. Paged (limit, cursor).")
    public Uni<Page<FeedbackViews.CelebrationView>> celebrations(
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return goals.celebrations(PageRequest.of(cursor, limit)).map(page -> page(page, FeedbackViews.CelebrationView::of));
    }

    @GET
    @Path("/partnerships/{partnershipId}/goals")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listGoals", summary = "The goals of the agreement in force, with their progress",
            description = "By due date (goals without one last), then id; paged (limit, cursor).")
    public Uni<Page<FeedbackViews.GoalView>> goals(@PathParam("partnershipId") UUID partnershipId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return goals.ofPartnership(partnershipId, PageRequest.of(cursor, limit)).map(page -> page(page, FeedbackViews.GoalView::of));
    }

    @POST
    @Path("/partnerships/{partnershipId}/goals/{goalId}/check-ins")
    @RolesAllowed({ "mentee", "mentor" })
    @ResponseStatus(201)
    @Operation(operationId = "checkInOnGoal", summary = "Record progress on a goal; 100 % or achieved publishes goal.achieved once")
    @APIResponse(responseCode = "201", description = "The goal", content = @Content(schema = @Schema(implementation = FeedbackViews.GoalView.class)))
    public Uni<FeedbackViews.GoalView> checkIn(@PathParam("partnershipId") UUID partnershipId, @PathParam("goalId") UUID goalId,
            @NotNull @Valid FeedbackViews.CheckInInput in) {
        return goals.checkIn(partnershipId, goalId, in.checkIn()).map(FeedbackViews.GoalView::of);
    }

    @GET
    @Path("/partnerships/{partnershipId}/health")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "getPartnershipHealth", summary = "A partnership's health: score, state and the pitfalls found with evidence and next steps",
            description = "A program admin also sees the pitfalls found in concerns raised in confidence (PERSONALITY_CLASH, "
                    + "BREACH_OF_CONFIDENTIALITY) and the score and state with them; the partnership's two people see neither.")
    public Uni<FeedbackViews.HealthView> health(@PathParam("partnershipId") UUID partnershipId) {
        return health.of(partnershipId).map(FeedbackViews.HealthView::of);
    }

    @GET
    @Path("/health")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "listPartnershipHealth",
            summary = "Partnerships' health, by partnership id: a person's own partnerships, or the tenant's for a program admin",
            description = "A mentor or mentee gets the health of the partnerships they are one of the two of; a program admin gets the "
                    + "tenant's (even one who also takes part in a partnership). Optionally in one state; paged (limit, cursor). The two "
                    + "people's score and state leave out the pitfalls found in concerns, which only program admins see.")
    public Uni<Page<FeedbackViews.HealthView>> healthList(
            @QueryParam("state") @Parameter(description = "HEALTHY, NEEDS_ATTENTION or AT_RISK; any when absent") String state,
            @QueryParam("programId") @Parameter(description = "Only this program's partnerships, for its admins (the program-admin "
                    + "role: any program; 404 for a program the caller does not run)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            String programId,
            @QueryParam("cursor") @Parameter(description = PageRequest.CURSOR_DESCRIPTION) String cursor,
            @QueryParam("limit") @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit) {
        return health.list(state, QueryValues.optionalUuid("programId", programId), PageRequest.of(cursor, limit))
                .map(page -> page(page, FeedbackViews.HealthView::of));
    }

    @GET
    @Path("/analytics")
    @RolesAllowed({ "program-admin", "analytics", "mentee", "mentor" })
    @Operation(operationId = "getProgramAnalytics", summary = "Analytics of the tenant or of one program, with its mentees' funnel",
            description = "Without programId: the tenant's, for the program-admin and analytics roles (403 for anyone else). With it: "
                    + "that program's, for those roles and for the people assigned to run it (404 for a program the caller does not "
                    + "run). Figures from fewer than five people are suppressed, and the health states with a companion where one "
                    + "alone would follow from the others.")
    public Uni<AnalyticsView> analytics(@QueryParam("months") Integer months,
            @QueryParam("programId") @Parameter(description = "One program's figures; the tenant's when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String programId) {
        return analytics.report(months, QueryValues.optionalUuid("programId", programId)).map(AnalyticsView::of);
    }

    @GET
    @Path("/analytics/programs")
    @RolesAllowed({ "program-admin", "analytics" })
    @Operation(operationId = "getProgramFunnels", summary = "Every program's funnel beside the tenant's, with complementary suppression",
            description = "A step from fewer than five mentees in one program is hidden with a companion (the smallest shown in "
                    + "another program, or the tenant's figure) so that no hidden figure can be worked out from the others.")
    public Uni<AnalyticsView.ByProgramView> programFunnels() {
        return analytics.byProgram().map(AnalyticsView.ByProgramView::of);
    }

    @GET
    @Path("/settings")
    @RolesAllowed("program-admin")
    @Operation(operationId = "getFeedbackSettings", summary = "The tenant's evaluation interval and health thresholds, and their ETag")
    @APIResponse(responseCode = "200", description = "The tenant's settings (the defaults, version 1, until a program admin sets them)",
            headers = @Header(name = HttpHeaders.ETAG, description = SETTINGS_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    public Uni<RestResponse<SettingsView>> settings() {
        return settings.read(caller.tenant()).map(FeedbackResource::settingsAnswer);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed("program-admin")
    @Operation(operationId = "putFeedbackSettings", summary = "Set the tenant's evaluation interval (6 or 12 months) and health thresholds",
            description = "If-Match with the settings' ETag is optional: one that is not their latest is 412; without one the last save wins.")
    @APIResponse(responseCode = "200", description = "The tenant's settings as saved",
            headers = @Header(name = HttpHeaders.ETAG, description = SETTINGS_ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "412", description = EntityTags.STALE_DESCRIPTION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value out of its range (each named in errors[].field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SettingsView>> putSettings(@NotNull SettingsView in,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "The settings' ETag as read; optional (without it the last save wins)")
            String ifMatch) {
        return settings.save(caller.tenant(), in.settings(), ifMatch).map(FeedbackResource::settingsAnswer);
    }


    /** A page of results as a page of answers. */
    private static <R, T> Page<T> page(Page<R> results, Function<R, T> view) {
        return results.map(view);
    }

    /** An answer with the ETag of the resource at {@code version}. */
    private static <T> RestResponse<T> tagged(int status, T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).status(status).header(HttpHeaders.ETAG, EntityTags.of(version)).build();
    }

    private static RestResponse<FeedbackViews.FeedbackView> feedbackAnswer(int status, SessionFeedbacks.Seen seen) {
        return tagged(status, FeedbackViews.FeedbackView.of(seen), seen.feedback().version);
    }

    private static RestResponse<SettingsView> settingsAnswer(Settings.Versioned versioned) {
        return tagged(200, SettingsView.of(versioned.settings()), versioned.version());
    }
}
