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

    /**
     * A version is in force: agreement.in-force on the public topic (no words), and the goals' words as agreement.goal-texts
     * on the internal topic, for the platform's own services.
     */
    public static List<DomainEvent> inForce(String tenant, AgreementEvents.InForce inForce, List<AgreementEvents.GoalText> words) {
        return List.of(DomainEvent.of(tenant, AgreementEvents.IN_FORCE, inForce),
                DomainEvent.of(tenant, AgreementEvents.GOAL_TEXTS, new AgreementEvents.GoalTexts(inForce.partnershipId(), inForce.version(), words)));
    }

    public static DomainEvent reviewDue(String tenant, UUID partnershipId, int version, LocalDate reviewDate) {
        return DomainEvent.of(tenant, AgreementEvents.REVIEW_DUE, new AgreementEvents.ReviewDue(partnershipId, version, reviewDate));
    }
}
