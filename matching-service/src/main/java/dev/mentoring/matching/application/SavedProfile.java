package dev.mentoring.matching.application;

import dev.mentoring.matching.persistence.Participant;

/** A participant's profile after a write, and whether the write created the participant. */
public record SavedProfile(Participant participant, boolean created) {
}
