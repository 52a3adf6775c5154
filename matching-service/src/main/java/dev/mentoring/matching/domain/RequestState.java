package dev.mentoring.matching.domain;

/** The life of a mentorship request: open until the mentor answers, the mentee withdraws, or it expires. */
public enum RequestState {
    OPEN, ACCEPTED, DECLINED, WITHDRAWN, EXPIRED;

    public boolean isOpen() {
        return this == OPEN;
    }
}
