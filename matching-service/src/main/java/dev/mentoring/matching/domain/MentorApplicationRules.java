package dev.mentoring.matching.domain;

import java.util.List;

import dev.mentoring.plumbing.rules.Conflict;

/**
 * How a mentee becomes a mentor: they apply, or a tenant-wide admin invites them; the other side's yes makes them one.
 * Applying asks for experience: a mentoring partnership completed as a mentee, or {@link #YEARS_ON_THEIR_OWN} years of
 * experience; an invitation is the admin's judgement and asks for none.
 */
public final class MentorApplicationRules {

    /** Where an application or invitation stands. */
    public enum State {
        /** The person asked; an admin's invitation accepts it, or an admin declines it. */
        APPLIED,
        /** An admin asked; the person's application accepts it, or they turn it down. */
        INVITED,
        /** Both said yes: the person is a mentor. */
        ACCEPTED,
        /** An admin declined the application. */
        DECLINED,
        /** The person withdrew their application or turned the invitation down. */
        WITHDRAWN
    }

    /** The states in which an application or invitation waits for the other side. */
    public static final List<State> OPEN = List.of(State.APPLIED, State.INVITED);

    /** Years of experience that let a person apply without having completed a partnership as a mentee. */
    public static final int YEARS_ON_THEIR_OWN = 5;

    private MentorApplicationRules() {
    }

    /** A person applies: 409 unless they completed a partnership as a mentee or have enough years of experience. */
    public static void checkExperienced(long completedAsMentee, int yearsOfExperience) {
        if (completedAsMentee == 0 && yearsOfExperience < YEARS_ON_THEIR_OWN) {
            throw new Conflict("Not yet: complete a mentoring partnership as a mentee, or have " + YEARS_ON_THEIR_OWN
                    + " years of experience, to apply to mentor (or be invited by your program admins)");
        }
    }

    /** Only a mentee who is not a mentor yet applies or is invited. */
    public static void checkNotAMentor(boolean mentor) {
        if (mentor) {
            throw new Conflict("This person is a mentor already");
        }
    }
}
