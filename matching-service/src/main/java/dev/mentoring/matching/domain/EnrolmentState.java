package dev.mentoring.matching.domain;

/**
 * A person's place in a program in one role: APPLIED (waiting for an admin), ENROLLED, DECLINED (the application was
 * refused), LEFT (they left or were taken out). A declined or left person may be enrolled or apply again.
 */
public enum EnrolmentState {
    APPLIED, ENROLLED, DECLINED, LEFT;

    /** Whether the person may be enrolled, or apply, anew from this state. */
    public boolean open() {
        return this == DECLINED || this == LEFT;
    }
}
