package dev.mentoring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mentoring.client.ApiClient;
import dev.mentoring.client.ApiException;
import dev.mentoring.client.api.MentorshipRequestsApi;
import dev.mentoring.client.api.NotificationsApi;
import dev.mentoring.client.api.ParticipantsApi;
import dev.mentoring.client.api.PartnershipsApi;
import dev.mentoring.client.api.RecommendationsApi;
import dev.mentoring.client.api.SessionsApi;
import dev.mentoring.client.model.EndReason;
import dev.mentoring.client.model.MentorshipRequest;
import dev.mentoring.client.model.MentorshipRequestCreate;
import dev.mentoring.client.model.Mode;
import dev.mentoring.client.model.MyProfileRequest;
import dev.mentoring.client.model.Notification;
import dev.mentoring.client.model.ParticipantSummary;
import dev.mentoring.client.model.ParticipantView;
import dev.mentoring.client.model.Partnership;
import dev.mentoring.client.model.PartnershipEnd;
import dev.mentoring.client.model.PartnershipState;
import dev.mentoring.client.model.RequestState;
import dev.mentoring.client.model.ScheduledSessions;
import dev.mentoring.client.model.SessionSchedule;

/**
 * A whole partnership driven only through the Java client that the build generates from docs/openapi.json
 * (openapi-generator, library native): profiles, a request and its acceptance, the union answer of a participant
 * (profile or directory card), a session, the other person's inbox, a problem answer, the end. Through HAProxy, two
 * gateways and two instances of every service, with real Keycloak tokens.
 */
class GeneratedClientScenarioTest {

    private static final String MENTEE = "acme-mentee2";
    private static final String MENTOR = "acme-mentor3";
    private static final String ZONE = "Europe/Copenhagen";

    /** The generated client, signed in as this demo user. */
    static ApiClient as(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Platform.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Platform.tokenOf(user)));
        return client;
    }

    interface Call<T> {
        T call() throws ApiException;
    }

    /** Repeats a call that answers 404 while a service has not yet heard the events it needs (at most a minute). */
    static <T> T eventually(Call<T> call) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return call.call();
            } catch (ApiException e) {
                if (e.getCode() != 404 || i == 120) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    @Test
    void aWholePartnershipThroughTheGeneratedJavaClient() throws Exception {
        ApiClient mentee = as(MENTEE);
        ApiClient mentor = as(MENTOR);
        UUID mentorId = myProfile(mentor, "Demo " + MENTOR);
        myProfile(mentee, "Demo " + MENTEE);
        clear(mentee, mentorId);

        // the mentee looks at recommendations, then asks the mentor; the mentor accepts
        assertThat(new RecommendationsApi(mentee).getMyRecommendations(true, false, 5, null).getRecommendations()).isNotNull();
        MentorshipRequest request = new MentorshipRequestsApi(mentee).requestMentorship(
                new MentorshipRequestCreate().mentorId(mentorId).message("Would you mentor me?"), UUID.randomUUID().toString());
        assertThat(request.getState()).isEqualTo(RequestState.OPEN);
        Partnership partnership = new MentorshipRequestsApi(mentor).acceptMentorshipRequest(request.getId(), null);
        assertThat(partnership.getState()).isEqualTo(PartnershipState.ACTIVE);
        assertThat(partnership.getMentorId()).isEqualTo(mentorId);

        // one operation, two shapes told apart by "view": the mentor's own profile, a program admin's directory card
        assertThat(new ParticipantsApi(mentor).getParticipant(mentorId).getActualInstance()).isInstanceOf(ParticipantView.class);
        Object card = new ParticipantsApi(as("acme-admin")).getParticipant(mentorId).getActualInstance();
        assertThat(card).isInstanceOf(ParticipantSummary.class);
        assertThat(((ParticipantSummary) card).getId()).isEqualTo(mentorId);

        // a session next week at 17:00 local time, once session-service has heard of the partnership
        String start = LocalDateTime.now(ZoneId.of(ZONE)).plusDays(7).withHour(17).truncatedTo(ChronoUnit.HOURS).toString();
        ScheduledSessions scheduled = eventually(() -> new SessionsApi(mentee).scheduleSession(partnership.getId(),
                new SessionSchedule().start(start).timeZone(ZONE).durationMinutes(60).mode(Mode.VIDEO)
                        .placeOrLink("https://meet.example.com/generated-client"),
                UUID.randomUUID().toString()));
        UUID sessionId = scheduled.getSessions().get(0).getId();
        assertThat(scheduled.getSessions().get(0).getStart().getTimeZone()).isEqualTo(ZONE);

        // the mentor's inbox tells of it
        NotificationsApi mentorInbox = new NotificationsApi(mentor);
        Notification told = null;
        for (int i = 0; i < 120 && told == null; i++) {
            told = mentorInbox.listNotifications(null, 20, true).getItems().stream()
                    .filter(n -> sessionId.equals(n.getSessionId()) && n.getType() == Notification.TypeEnum.SESSION_SCHEDULED)
                    .findFirst().orElse(null);
            if (told == null) {
                Thread.sleep(500);
            }
        }
        assertThat(told).as("SESSION_SCHEDULED in the mentor's inbox").isNotNull();
        assertThat(told.getPartnershipId()).isEqualTo(partnership.getId());
        assertThat(mentorInbox.markNotificationRead(told.getId(), null).getRead()).isTrue();

        // a problem answer reaches the caller as an ApiException with the problem document
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> new PartnershipsApi(mentee).getPartnership(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        assertThat(missing.getResponseHeaders().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.getResponseBody()).contains("\"status\":404");

        Partnership ended = new PartnershipsApi(mentee).endPartnership(partnership.getId(),
                new PartnershipEnd().reasonCategory(EndReason.OTHER), null);
        assertThat(ended.getState()).isEqualTo(PartnershipState.ENDED_EARLY);
        assertThat(ended.getEndReason()).isEqualTo(EndReason.OTHER);
    }

    /** The caller's participant id, with a minimal profile made only if they have none yet. */
    private static UUID myProfile(ApiClient client, String name) throws ApiException {
        ParticipantsApi participants = new ParticipantsApi(client);
        try {
            return participants.getMyProfile().getId();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
            return participants.putMyProfile(new MyProfileRequest().displayName(name).timeZone(ZONE).languages(List.of("en")),
                    null, null).getId();
        }
    }

    /** No open request of the mentee's and no running partnership of the pair, so that the scenario can run again. */
    private static void clear(ApiClient mentee, UUID mentorId) throws ApiException {
        MentorshipRequestsApi requests = new MentorshipRequestsApi(mentee);
        for (MentorshipRequest open : requests.listMentorshipRequests(null, 200, "OPEN").getItems()) {
            requests.withdrawMentorshipRequest(open.getId(), null);
        }
        PartnershipsApi partnerships = new PartnershipsApi(mentee);
        for (String state : List.of("ACTIVE", "PAUSED")) {
            for (Partnership running : partnerships.listPartnerships(null, 200, state).getItems()) {
                if (mentorId.equals(running.getMentorId())) {
                    partnerships.endPartnership(running.getId(), new PartnershipEnd().reasonCategory(EndReason.OTHER), null);
                }
            }
        }
    }
}
