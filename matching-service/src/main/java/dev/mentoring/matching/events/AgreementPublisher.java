package dev.mentoring.matching.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.mentoring.contracts.AgreementEvents;
import dev.mentoring.plumbing.outbox.DomainEvent;

/** What matching-service publishes about agreements, keyed by the partnership id. */
public final class AgreementPublisher {

    private AgreementPublisher() {
    }

    public static DomainEvent signed(String tenant, UUID partnershipId, int version, boolean byMentee) {
        return DomainEvent.of(tenant, AgreementEvents.SIGNED, new AgreementEvents.Signed(partnershipId, version, byMentee ? AgreementEvents.SIGNED_BY_MENTEE : AgreementEvents.SIGNED_BY_MENTOR));
    }

    public static DomainEvent activated(String tenant, UUID partnershipId, int version, String cadence, int sessionMinutes,
            LocalDate reviewDate, List<AgreementEvents.GoalSummary> goals) {
        return DomainEvent.of(tenant, AgreementEvents.ACTIVATED,
                new AgreementEvents.Activated(partnershipId, version, cadence, sessionMinutes, reviewDate, goals));
    }

    public static DomainEvent reviewDue(String tenant, UUID partnershipId, int version, LocalDate reviewDate) {
        return DomainEvent.of(tenant, AgreementEvents.REVIEW_DUE, new AgreementEvents.ReviewDue(partnershipId, version, reviewDate));
    }
}
