package dev.mentoring.sessions.events;

import java.util.UUID;

/** The data of matching-service's agreement.activated that session-service reads: the agreed cadence and length. */
public record AgreementActivated(UUID partnershipId, int version, String cadence, Integer sessionMinutes) {

    public static final String TYPE = "agreement.activated";
}
