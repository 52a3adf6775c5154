package dev.mentoring.matching.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mentoring.matching.application.Enrolments;
import dev.mentoring.matching.application.Intakes;
import dev.mentoring.matching.application.ProgramSettings;
import dev.mentoring.matching.application.DirectoryEntries;
import dev.mentoring.matching.application.Programs;
import dev.mentoring.matching.domain.EnrolmentState;
import dev.mentoring.matching.domain.MentoringRole;
import dev.mentoring.matching.domain.ProgramState;
import dev.mentoring.plumbing.paging.Page;
import dev.mentoring.plumbing.paging.PageRequest;
import dev.mentoring.plumbing.problem.Problem;
import dev.mentoring.plumbing.problem.ProblemException;
import dev.mentoring.plumbing.validation.QueryValues;
import io.smallrye.mutiny.Uni;

/**
 * Programs and who is in them. A tenant-wide admin (role program-admin) or the HR platform creates programs and assigns
 * each its admins by employee id; a program's admins edit, move and enrol it; people see the programs open to them, apply
 * or join, and leave. Another tenant's program, or one the caller may not see, is 404; one they see but do not run is 403
 * for what only its admins do.
 */
@Path("/programs")
@Tag(name = "Programs")
@RolesAllowed({ "program-admin", "integration", "mentee", "mentor" })
@Produces(MediaType.APPLICATION_JSON)
public class ProgramResource {

    private static final String EMPLOYEE_ID = "^[A-Za-z0-9._:-]{1,64}$";

    private final Programs programs;
    private final Enrolments enrolments;
    private final DirectoryEntries directory;
    private final Intakes intakes;
    private final ProgramSettings programSettings;

    ProgramResource(Programs programs, Enrolments enrolments, DirectoryEntries directory, Intakes intakes,
            ProgramSettings programSettings) {
        this.programSettings = programSettings;
        this.intakes = intakes;
        this.programs = programs;
        this.enrolments = enrolments;
        this.directory = directory;
    }

    @POST
    @RolesAllowed({ "program-admin", "integration" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createProgram", summary = "Create a program (in DRAFT)",
            description = "A tenant-wide program admin or the HR platform. Names are unique in the tenant in any letter case (409).")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = HttpHeaders.LOCATION, description = "The program's path", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = HttpHeaders.ETAG, description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    @APIResponse(responseCode = "409", description = "Another program has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Dates out of order, or a limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@NotNull @Valid ProgramViews.Description description) {
        return programs.create(description.description()).map(seen -> Response.status(201).entity(ProgramViews.ProgramView.of(seen))
                .header(HttpHeaders.ETAG, dev.mentoring.plumbing.concurrency.EntityTags.of(seen.program().version))
                .header(HttpHeaders.LOCATION, "/programs/" + seen.program().id).build());
    }

    @GET
    @Operation(operationId = "listPrograms", summary = "Programs, one page at a time",
            description = "A tenant-wide admin and the HR platform get every program; anyone else the general program, those they "
                    + "are in or applied to, those they run, and those enrolling or running that take applications or joiners, "
                    + "each with the caller's own enrolments. In id order; cursor pagination (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = ProgramPage.class)))
    public Uni<Page<ProgramViews.ProgramView>> list(
            @Parameter(description = "Only programs in this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "DRAFT", "ENROLLING", "RUNNING", "CLOSED" })) @QueryParam("state") String state,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION) @QueryParam("cursor") String cursor,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200")) @QueryParam("limit") String limit) {
        return programs.list(QueryValues.optionalEnum(ProgramState.class, "state", state), PageRequest.of(cursor, limit))
                .map(page -> page.map(ProgramViews.ProgramView::of));
    }

    @GET
    @Path("/{programId}")
    @Operation(operationId = "getProgram", summary = "One program the caller may see (404 otherwise)")
    @APIResponse(responseCode = "200", description = "The program", headers = @Header(name = HttpHeaders.ETAG, description = Tagged.ETAG,
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    public Uni<Response> get(@PathParam("programId") UUID programId) {
        return programs.get(programId).map(ProgramResource::tagged);
    }

    @PUT
    @Path("/{programId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateProgram", summary = "Edit a program's description (its admins; not once closed)",
            description = "The whole description, as on create. If-Match is optional: when sent, it must be the program's current "
                    + "ETag (412 otherwise). The general program is not edited (409): its limits are the tenant's settings.")
    @APIResponse(responseCode = "200", description = "The program as changed", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    @APIResponse(responseCode = "409", description = "Closed, the general program, or another program has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the program's current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@PathParam("programId") UUID programId, @NotNull @Valid ProgramViews.Description description,
            @Parameter(description = "The program's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return programs.update(programId, description.description(), ifMatch).map(ProgramResource::tagged);
    }

    @GET
    @Path("/{programId}/matching-settings")
    @Operation(operationId = "getProgramMatchingSettings", summary = "A program's own matching settings (everyone who sees the program)",
            description = "The weights of the match score (absent: the tenant's), the most hours apart a pair may live (absent: each "
                    + "mentee's own limit) and the default agreement its partnerships start from. Version 0 while it has none.")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = HttpHeaders.ETAG, description = Tagged.ETAG,
            schema = @Schema(type = SchemaType.STRING)), content = @Content(schema = @Schema(implementation = ProgramViews.MatchingSettingsView.class)))
    public Uni<Response> matchingSettings(@PathParam("programId") UUID programId) {
        return programSettings.read(programId).map(v -> Tagged.ok(ProgramViews.MatchingSettingsView.of(v.settings()), v.version()));
    }

    @PUT
    @Path("/{programId}/matching-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putProgramMatchingSettings", summary = "Set a program's own matching settings (its admins)",
            description = "The next recommendation, directory page, cohort run and agreement draft of the program use them. Weights: "
                    + "criteria left out weigh 0, each 0-100, at least one above 0; maxHoursApart 0-14 (a pair further apart is kept "
                    + "apart, whatever the mentee's own limit); the default agreement fills what a draft leaves out. If-Match optional. "
                    + "The general program runs by the tenant's settings (409).")
    @APIResponse(responseCode = "200", description = "The settings as saved", headers = @Header(name = HttpHeaders.ETAG,
            description = Tagged.ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ProgramViews.MatchingSettingsView.class)))
    @APIResponse(responseCode = "409", description = "The general program",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the settings' current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value out of range, each named in errors[].field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> putMatchingSettings(@PathParam("programId") UUID programId, @NotNull @Valid ProgramViews.MatchingSettingsView settings,
            @Parameter(description = "The settings' ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return programSettings.save(programId, settings.settings(), ifMatch)
                .map(v -> Tagged.ok(ProgramViews.MatchingSettingsView.of(v.settings()), v.version()));
    }

    @POST
    @Path("/{programId}/enrolment-opening")
    @Operation(operationId = "openProgramEnrolment", summary = "Open a draft program's enrolment (DRAFT to ENROLLING)")
    @APIResponse(responseCode = "200", description = "The program", content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> openEnrolment(@PathParam("programId") UUID programId,
            @Parameter(description = "The program's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return programs.move(programId, ProgramState.Move.OPEN_ENROLMENT, ifMatch).map(ProgramResource::tagged);
    }

    @POST
    @Path("/{programId}/start")
    @Operation(operationId = "startProgram", summary = "Start a program (DRAFT or ENROLLING to RUNNING): mentees ask mentors, cohort runs match")
    @APIResponse(responseCode = "200", description = "The program", content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    @APIResponse(responseCode = "409", description = "Running or closed already", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@PathParam("programId") UUID programId,
            @Parameter(description = "The program's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return programs.move(programId, ProgramState.Move.START, ifMatch).map(ProgramResource::tagged);
    }

    @POST
    @Path("/{programId}/closure")
    @Operation(operationId = "closeProgram", summary = "Close a program (final)",
            description = "Its running partnerships end with the reason PROGRAM_ENDED (their future sessions are cancelled and the "
                    + "closing evaluations open) and its open requests are withdrawn, in the same transaction.")
    @APIResponse(responseCode = "200", description = "The program", content = @Content(schema = @Schema(implementation = ProgramViews.ProgramView.class)))
    @APIResponse(responseCode = "409", description = "Closed already", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> close(@PathParam("programId") UUID programId,
            @Parameter(description = "The program's ETag as last read; optional") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return programs.move(programId, ProgramState.Move.CLOSE, ifMatch).map(ProgramResource::tagged);
    }

    @GET
    @Path("/{programId}/admins")
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "listProgramAdmins", summary = "The employee ids of the people who run the program")
    @APIResponse(responseCode = "200", description = "Employee ids, in order", content = @Content(schema = @Schema(implementation = AdminList.class)))
    public Uni<AdminList> admins(@PathParam("programId") UUID programId) {
        return programs.admins(programId).map(AdminList::new);
    }

    @PUT
    @Path("/{programId}/admins/{employeeId}")
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "assignProgramAdmin", summary = "Make a person (by the employee id of their sign-in) an admin of the program",
            description = "Idempotent: 201 when assigned now, 200 when they ran it already. They then run this program with their "
                    + "usual token, and only this one.")
    @APIResponse(responseCode = "200", description = "Ran it already", content = @Content(schema = @Schema(implementation = AdminList.class)))
    @APIResponse(responseCode = "201", description = "Assigned", content = @Content(schema = @Schema(implementation = AdminList.class)))
    public Uni<Response> assignAdmin(@PathParam("programId") UUID programId,
            @PathParam("employeeId") @Pattern(regexp = EMPLOYEE_ID, message = "must be 1-64 letters, digits or . _ : -") String employeeId) {
        return programs.assignAdmin(programId, employeeId).chain(created -> programs.admins(programId)
                .map(list -> Response.status(created ? 201 : 200).entity(new AdminList(list)).build()));
    }

    @DELETE
    @Path("/{programId}/admins/{employeeId}")
    @RolesAllowed({ "program-admin", "integration" })
    @Operation(operationId = "unassignProgramAdmin", summary = "Take a person off running the program (404 when they did not)")
    @APIResponse(responseCode = "204", description = "Taken off")
    public Uni<Response> unassignAdmin(@PathParam("programId") UUID programId,
            @PathParam("employeeId") @Pattern(regexp = EMPLOYEE_ID, message = "must be 1-64 letters, digits or . _ : -") String employeeId) {
        return programs.unassignAdmin(programId, employeeId).map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{programId}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enrolInProgram", summary = "Enrol people by employee id (the program's admins, the HR platform)",
            description = "At most 1,000 at a time; each comes back with what happened, in the order sent. Sending the same list "
                    + "again changes nothing (ALREADY_ENROLLED). While the program enrols or runs (409 otherwise).")
    @APIResponse(responseCode = "200", description = "What happened to each", content = @Content(schema = @Schema(implementation = ProgramViews.BulkResult.class)))
    @APIResponse(responseCode = "409", description = "The program is a draft or closed, or the general program",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramViews.BulkResult> enrol(@PathParam("programId") UUID programId, @NotNull @Valid ProgramViews.Bulk bulk) {
        return enrolments.enrol(programId, bulk.people()).map(ProgramViews.BulkResult::of);
    }

    @GET
    @Path("/{programId}/enrolments")
    @Operation(operationId = "listProgramEnrolments", summary = "Who is in the program, one page at a time (its admins)",
            description = "In id order; cursor pagination (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = EnrolmentPage.class)))
    public Uni<Page<ProgramViews.EnrolmentView>> enrolments(@PathParam("programId") UUID programId,
            @Parameter(description = "Only this role", schema = @Schema(type = SchemaType.STRING, enumeration = { "MENTOR", "MENTEE" }))
            @QueryParam("role") String role,
            @Parameter(description = "Only this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "APPLIED", "ENROLLED", "DECLINED", "LEFT" })) @QueryParam("state") String state,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION) @QueryParam("cursor") String cursor,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200")) @QueryParam("limit") String limit) {
        return enrolments.list(programId, QueryValues.optionalEnum(MentoringRole.class, "role", role),
                QueryValues.optionalEnum(EnrolmentState.class, "state", state),
                PageRequest.of(cursor, limit)).map(page -> page.map(ProgramViews.EnrolmentView::of));
    }

    @POST
    @Path("/{programId}/enrolments/me")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyToProgram", summary = "Apply to a program, or join an open one, in a role",
            description = "APPLY: the enrolment waits for an admin (APPLIED); OPEN: enrolled at once; HR_ENROLS: 409. Needs a profile "
                    + "for the role (422). Applying again while applied or enrolled changes nothing.")
    @APIResponse(responseCode = "200", description = "The caller's enrolment", content = @Content(schema = @Schema(implementation = ProgramViews.EnrolmentView.class)))
    @APIResponse(responseCode = "409", description = "HR enrols this program's people, or it does not take people now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramViews.EnrolmentView> apply(@PathParam("programId") UUID programId, @NotNull @Valid ProgramViews.Application application) {
        return enrolments.apply(programId, application.role()).map(ProgramViews.EnrolmentView::of);
    }

    @DELETE
    @Path("/{programId}/enrolments/me")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Operation(operationId = "leaveProgram", summary = "Leave a program in a role (withdraws an application too)",
            description = "Refused (409) while the caller has a running partnership or an open request in the program in that role.")
    @APIResponse(responseCode = "200", description = "The caller's enrolment, LEFT", content = @Content(schema = @Schema(implementation = ProgramViews.EnrolmentView.class)))
    public Uni<ProgramViews.EnrolmentView> leave(@PathParam("programId") UUID programId,
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = { "MENTOR", "MENTEE" }))
            @QueryParam("role") String role) {
        MentoringRole parsed = QueryValues.optionalEnum(MentoringRole.class, "role", role);
        if (parsed == null) {
            throw ProblemException.badRequest("role", "is required: MENTOR or MENTEE");
        }
        return enrolments.leave(programId, parsed).map(ProgramViews.EnrolmentView::of);
    }

    @POST
    @Path("/{programId}/enrolments/{enrolmentId}/approval")
    @Operation(operationId = "approveProgramApplication", summary = "Approve an application: the person is enrolled (its admins)")
    @APIResponse(responseCode = "200", description = "The enrolment", content = @Content(schema = @Schema(implementation = ProgramViews.EnrolmentView.class)))
    @APIResponse(responseCode = "409", description = "Not an application waiting", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramViews.EnrolmentView> approve(@PathParam("programId") UUID programId, @PathParam("enrolmentId") UUID enrolmentId) {
        return enrolments.approve(programId, enrolmentId).map(ProgramViews.EnrolmentView::of);
    }

    @POST
    @Path("/{programId}/enrolments/{enrolmentId}/decline")
    @Operation(operationId = "declineProgramApplication", summary = "Decline an application (its admins)")
    @APIResponse(responseCode = "200", description = "The enrolment", content = @Content(schema = @Schema(implementation = ProgramViews.EnrolmentView.class)))
    @APIResponse(responseCode = "409", description = "Not an application waiting", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramViews.EnrolmentView> decline(@PathParam("programId") UUID programId, @PathParam("enrolmentId") UUID enrolmentId) {
        return enrolments.decline(programId, enrolmentId).map(ProgramViews.EnrolmentView::of);
    }

    @DELETE
    @Path("/{programId}/enrolments/{enrolmentId}")
    @Operation(operationId = "removeFromProgram", summary = "Take a person out of the program (its admins)",
            description = "Refused (409) while they have a running partnership or an open request in the program in that role.")
    @APIResponse(responseCode = "200", description = "The enrolment, LEFT", content = @Content(schema = @Schema(implementation = ProgramViews.EnrolmentView.class)))
    public Uni<ProgramViews.EnrolmentView> remove(@PathParam("programId") UUID programId, @PathParam("enrolmentId") UUID enrolmentId) {
        return enrolments.remove(programId, enrolmentId).map(ProgramViews.EnrolmentView::of);
    }

    @PUT
    @Path("/{programId}/enrolments/{enrolmentId}/intake")
    @RolesAllowed({ "mentee", "mentor", "program-admin" })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "writeIntake", summary = "Write the intake of your own enrolment: your self-reflection for this program",
            description = "The whole intake each time, the side of the enrolment's role (422 for the other side's fields). Goals are "
                    + "SMART-checked as in agreements (422 names the goal and what it lacks). While applied or enrolled and the "
                    + "program is not closed (409). Only you and the program's admins read it; no event carries it.")
    @APIResponse(responseCode = "200", description = "The intake as kept", content = @Content(schema = @Schema(implementation = ProgramViews.IntakeView.class)))
    @APIResponse(responseCode = "422", description = "A goal not SMART, or the other role's side", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<ProgramViews.IntakeView> writeIntake(@PathParam("programId") UUID programId, @PathParam("enrolmentId") UUID enrolmentId,
            @NotNull @Valid ProgramViews.IntakeView intake) {
        return intakes.write(programId, enrolmentId, intake.intake()).map(ProgramViews.IntakeView::of);
    }

    @GET
    @Path("/{programId}/enrolments/{enrolmentId}/intake")
    @Operation(operationId = "getIntake", summary = "The intake of an enrolment: for its person and the program's admins")
    @APIResponse(responseCode = "200", description = "The intake", content = @Content(schema = @Schema(implementation = ProgramViews.IntakeView.class)))
    public Uni<ProgramViews.IntakeView> intake(@PathParam("programId") UUID programId, @PathParam("enrolmentId") UUID enrolmentId) {
        return intakes.read(programId, enrolmentId).map(ProgramViews.IntakeView::of);
    }

    @GET
    @Path("/{programId}/mentors")
    @Operation(operationId = "browseProgramMentors", summary = "The program's mentor directory: browse and search its mentors",
            description = "For the program's mentees (each mentor with the caller's match score, the eligible best first, then those "
                    + "a rule keeps apart) and those who run it (by name, without scores). Every filter optional; q looks in the "
                    + "name, introduction, expertise, areas, skills and industries. Only the public card: never a manager, goals, "
                    + "preferences or private fields. Cursor pagination (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = DirectoryPage.class)))
    public Uni<Page<ProgramViews.DirectoryEntry>> mentors(@PathParam("programId") UUID programId,
            @Parameter(description = "A skill the mentor has") @QueryParam("skill") @jakarta.validation.constraints.Size(max = 60) String skill,
            @Parameter(description = "An industry the mentor knows") @QueryParam("industry") @jakarta.validation.constraints.Size(max = 60) String industry,
            @Parameter(description = "A language the mentor speaks (e.g. en)") @QueryParam("language") @jakarta.validation.constraints.Size(max = 16) String language,
            @Parameter(description = "A leadership or communication style of the mentor's", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "COACHING", "DIRECTIVE", "DEMOCRATIC", "SERVANT", "TRANSFORMATIONAL", "DELEGATING", "DIRECT",
                            "DIPLOMATIC", "ANALYTICAL", "EXPRESSIVE", "SUPPORTIVE" }))
            @QueryParam("style") String style,
            @Parameter(description = "Only mentors with a place left", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("hasPlaces") String hasPlaces,
            @Parameter(description = "Only mentors whose clock is at most this many hours from the caller's (0-12)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "12")) @QueryParam("maxHoursApart") String maxHoursApart,
            @Parameter(description = "Words to look for, 2-100 characters") @QueryParam("q")
            @jakarta.validation.constraints.Size(min = 2, max = 100) String q,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION) @QueryParam("cursor") String cursor,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "200")) @QueryParam("limit") String limit) {
        if (style != null && !STYLES.contains(style)) {
            throw ProblemException.badRequest("style", "must be one of " + STYLES);
        }
        return directory.browse(programId, new DirectoryEntries.Filters(blankless(skill), blankless(industry), blankless(language), style,
                flag("hasPlaces", hasPlaces), hours(maxHoursApart), blankless(q)), PageRequest.of(cursor, limit))
                .map(page -> page.map(e -> ProgramViews.DirectoryEntry.of(e, false)));
    }

    @GET
    @Path("/{programId}/mentors/{mentorId}")
    @Operation(operationId = "getProgramMentor", summary = "A mentor's card in the program's directory, with the match score explained",
            description = "For a mentee of the program: the score criterion by criterion, or the rule that keeps the two apart. 404 for "
                    + "anyone who is not a mentor of the program.")
    @APIResponse(responseCode = "200", description = "The card", content = @Content(schema = @Schema(implementation = ProgramViews.DirectoryEntry.class)))
    public Uni<ProgramViews.DirectoryEntry> mentor(@PathParam("programId") UUID programId, @PathParam("mentorId") UUID mentorId) {
        return directory.card(programId, mentorId).map(e -> ProgramViews.DirectoryEntry.of(e, true));
    }

    private static final java.util.Set<String> STYLES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(dev.mentoring.matching.domain.LeadershipStyle.values()).map(Enum::name),
            java.util.Arrays.stream(dev.mentoring.matching.domain.CommunicationStyle.values()).map(Enum::name))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A true/false query value, or 400 naming it; null when absent. */
    private static Boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.badRequest(name, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    /** The maxHoursApart query value (0-12), or 400 naming it; null when absent. */
    private static Integer hours(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int hours = Integer.parseInt(value);
            if (hours >= 0 && hours <= 12) {
                return hours;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("maxHoursApart", "must be a whole number of hours, 0-12");
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Response tagged(Programs.Seen seen) {
        return Tagged.ok(ProgramViews.ProgramView.of(seen), seen.program().version);
    }

    /** The employee ids of a program's admins. */
    @Schema(name = "ProgramAdmins")
    public record AdminList(List<String> employeeIds) {
    }

    /** The shape of a page of programs, for the API document. */
    @Schema(name = "ProgramPage")
    record ProgramPage(List<ProgramViews.ProgramView> items, String nextCursor) {
    }

    /** The shape of a page of the directory, for the API document. */
    @Schema(name = "DirectoryPage")
    record DirectoryPage(List<ProgramViews.DirectoryEntry> items, String nextCursor) {
    }

    /** The shape of a page of enrolments, for the API document. */
    @Schema(name = "EnrolmentPage")
    record EnrolmentPage(List<ProgramViews.EnrolmentView> items, String nextCursor) {
    }
}
