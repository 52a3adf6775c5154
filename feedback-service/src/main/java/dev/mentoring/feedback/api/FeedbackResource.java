package dev.mentoring.feedback.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mentoring.feedback.application.Analytics;
import dev.mentoring.feedback.application.Evaluations;
import dev.mentoring.feedback.application.Goals;
import dev.mentoring.feedback.application.HealthReports;
import dev.mentoring.feedback.application.SessionFeedbacks;
import dev.mentoring.feedback.application.Settings;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.tenancy.Caller;
import io.smallrye.mutiny.Uni;

/** Session feedback, evaluations, goal check-ins, partnership health, program analytics and settings. */
@Path("/")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final SessionFeedbacks feedback;
    private final Evaluations evaluations;
    private final Goals goals;
    private final HealthReports health;
    private final Analytics analytics;
    private final Settings settings;
    private final Caller caller;

    FeedbackResource(SessionFeedbacks feedback, Evaluations evaluations, Goals goals, HealthReports health, Analytics analytics,
            Settings settings, Caller caller) {
        this.feedback = feedback;
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
    @ResponseStatus(201)
    @Operation(operationId = "giveSessionFeedback", summary = "Give feedback on a session that took place (within 14 days, once)",
            description = "Ratings 1-5 and a comment; shareWithOther decides whether the other participant sees it. Program admins only ever see aggregates.")
    @APIResponse(responseCode = "201", description = "The feedback", content = @Content(schema = @Schema(implementation = FeedbackViews.FeedbackView.class)))
    public Uni<FeedbackViews.FeedbackView> give(@PathParam("sessionId") UUID sessionId, @NotNull @Valid FeedbackViews.FeedbackInput in) {
        return feedback.give(sessionId, in.ratings()).map(FeedbackViews.FeedbackView::of);
    }

    @PUT
    @Path("/sessions/{sessionId}/feedback")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "editSessionFeedback", summary = "Edit your feedback on a session, within 24 hours of giving it")
    public Uni<FeedbackViews.FeedbackView> edit(@PathParam("sessionId") UUID sessionId, @NotNull @Valid FeedbackViews.FeedbackInput in) {
        return feedback.edit(sessionId, in.ratings()).map(FeedbackViews.FeedbackView::of);
    }

    @GET
    @Path("/sessions/{sessionId}/feedback")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listSessionFeedback", summary = "Your feedback on the session, and the other's if they shared it")
    public Uni<List<FeedbackViews.FeedbackView>> ofSession(@PathParam("sessionId") UUID sessionId) {
        return feedback.ofSession(sessionId).map(list -> list.stream().map(FeedbackViews.FeedbackView::of).toList());
    }

    @GET
    @Path("/partnerships/{partnershipId}/evaluations")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listEvaluations", summary = "The partnership's evaluations: planned, open, completed, overdue")
    public Uni<List<FeedbackViews.EvaluationView>> evaluations(@PathParam("partnershipId") UUID partnershipId) {
        return evaluations.ofPartnership(partnershipId).map(list -> list.stream().map(FeedbackViews.EvaluationView::of).toList());
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

    @GET
    @Path("/partnerships/{partnershipId}/goals")
    @RolesAllowed({ "mentee", "mentor" })
    @Operation(operationId = "listGoals", summary = "The goals of the agreement in force, with their progress")
    public Uni<List<FeedbackViews.GoalView>> goals(@PathParam("partnershipId") UUID partnershipId) {
        return goals.ofPartnership(partnershipId).map(list -> list.stream().map(FeedbackViews.GoalView::of).toList());
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
    @Operation(operationId = "getPartnershipHealth", summary = "A partnership's health: score, state and the pitfalls found with evidence and next steps")
    public Uni<FeedbackViews.HealthView> health(@PathParam("partnershipId") UUID partnershipId) {
        return health.of(partnershipId).map(FeedbackViews.HealthView::of);
    }

    @GET
    @Path("/health")
    @RolesAllowed("program-admin")
    @Operation(operationId = "listPartnershipHealth", summary = "The tenant's partnerships' health, by state, one page at a time")
    public Uni<Page<FeedbackViews.HealthView>> healthOfTenant(@QueryParam("state") String state, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return health.ofTenant(state, PageRequest.of(cursor, limit))
                .map(page -> new Page<>(page.items().stream().map(FeedbackViews.HealthView::of).toList(), page.nextCursor()));
    }

    @GET
    @Path("/analytics")
    @RolesAllowed({ "program-admin", "analytics" })
    @Operation(operationId = "getProgramAnalytics", summary = "Program analytics for the tenant; figures from fewer than five people are suppressed")
    public Uni<AnalyticsView> analytics(@QueryParam("months") Integer months) {
        return analytics.report(months).map(AnalyticsView::of);
    }

    @GET
    @Path("/settings")
    @RolesAllowed("program-admin")
    @Operation(operationId = "getFeedbackSettings", summary = "The tenant's evaluation interval and health thresholds")
    public Uni<SettingsView> settings() {
        return settings.of(caller.tenant()).map(SettingsView::of);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed("program-admin")
    @Operation(operationId = "putFeedbackSettings", summary = "Set the tenant's evaluation interval (6 or 12 months) and health thresholds")
    public Uni<SettingsView> putSettings(@NotNull SettingsView in) {
        return settings.save(caller.tenant(), in.settings()).map(SettingsView::of);
    }
}
