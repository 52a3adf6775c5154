package dev.mentoring.matching.domain;

import dev.mentoring.plumbing.rules.Conflict;
import java.util.Map;
import java.util.Set;

/**
 * The life of a partnership and its legal moves: an active partnership may pause, complete or end early;
 * a paused one may resume, complete or end early; completed and ended-early are final.
 */
public enum PartnershipState {
    ACTIVE, PAUSED, COMPLETED, ENDED_EARLY;

    /** What a participant may ask of a partnership. */
    public enum Move {
        PAUSE, RESUME, COMPLETE, END
    }

    private static final Map<PartnershipState, Map<Move, PartnershipState>> MOVES = Map.of(
            ACTIVE, Map.of(Move.PAUSE, PAUSED, Move.COMPLETE, COMPLETED, Move.END, ENDED_EARLY),
            PAUSED, Map.of(Move.RESUME, ACTIVE, Move.COMPLETE, COMPLETED, Move.END, ENDED_EARLY),
            COMPLETED, Map.of(),
            ENDED_EARLY, Map.of());

    /** The state after the move, or null when the move is not legal from here. */
    public PartnershipState after(Move move) {
        return MOVES.get(this).get(move);
    }

    /** The state after the move; a move that is not legal from here is a {@link Conflict} naming the legal ones. */
    public PartnershipState move(Move move) {
        PartnershipState next = after(move);
        if (next == null) {
            throw new Conflict("A " + name().toLowerCase() + " partnership cannot " + move.name().toLowerCase() + "; it can "
                    + legalMoves());
        }
        return next;
    }

    /** The agreement of a partnership is edited and signed only while the partnership runs. */
    public void agreementOpen() {
        if (!isRunning()) {
            throw new Conflict("The partnership is " + name().toLowerCase() + "; its agreement is closed");
        }
    }

    public Set<Move> legalMoves() {
        return MOVES.get(this).keySet();
    }

    public boolean isRunning() {
        return this == ACTIVE || this == PAUSED;
    }
}
