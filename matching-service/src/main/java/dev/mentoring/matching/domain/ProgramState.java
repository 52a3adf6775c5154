package dev.mentoring.matching.domain;

import java.util.Map;
import java.util.Set;

import dev.mentoring.plumbing.rules.Conflict;

/**
 * The life of a program and its legal moves: a draft opens its enrolment, or starts at once, or is closed (dropped);
 * an enrolling program starts or is closed; a running one is closed; a closed program is final. People join while it
 * enrols or runs; requests and partnerships happen while it runs.
 */
public enum ProgramState {
    DRAFT, ENROLLING, RUNNING, CLOSED;

    /** What a program admin may ask of a program. */
    public enum Move {
        OPEN_ENROLMENT, START, CLOSE
    }

    private static final Map<ProgramState, Map<Move, ProgramState>> MOVES = Map.of(
            DRAFT, Map.of(Move.OPEN_ENROLMENT, ENROLLING, Move.START, RUNNING, Move.CLOSE, CLOSED),
            ENROLLING, Map.of(Move.START, RUNNING, Move.CLOSE, CLOSED),
            RUNNING, Map.of(Move.CLOSE, CLOSED),
            CLOSED, Map.of());

    /** The state after the move; a move that is not legal from here is a {@link Conflict} naming the legal ones. */
    public ProgramState move(Move move) {
        ProgramState next = MOVES.get(this).get(move);
        if (next == null) {
            throw new Conflict("A " + name().toLowerCase() + " program cannot " + move.name().toLowerCase().replace('_', ' ')
                    + (legalMoves().isEmpty() ? "; it is final" : "; it can " + legalMoves()));
        }
        return next;
    }

    public Set<Move> legalMoves() {
        return MOVES.get(this).keySet();
    }

    /** People are enrolled, apply or join while the program enrols or runs. */
    public void takesPeople() {
        if (this != ENROLLING && this != RUNNING) {
            throw new Conflict("The program is " + name().toLowerCase() + "; it takes people while it enrols or runs");
        }
    }

    /** Mentees ask mentors, and cohort runs propose pairs, while the program runs. */
    public void matches() {
        if (this != RUNNING) {
            throw new Conflict("The program is " + name().toLowerCase() + "; mentees ask mentors while it runs");
        }
    }

    /** A closed program is kept as it was. */
    public void editable() {
        if (this == CLOSED) {
            throw new Conflict("The program is closed; it is kept as it was");
        }
    }
}
