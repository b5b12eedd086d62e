package jp.kenpo.kiosk.core.port;

import java.util.Optional;

import jp.kenpo.kiosk.core.roster.RosterEntry;

/** The roster cache: keyed hashes only. */
public interface RosterRepository {

    Optional<RosterEntry> findByMatchKey(String matchKey);

    boolean cardKnown(String cardKey);

    long count();

    /**
     * 1名1回 on this kiosk: the person with this match key has just submitted a registration here
     * (receipt {@code receiptNumber}), so the roster check must not pass them again before the central
     * service's roster says otherwise.
     */
    void markUsedHere(String matchKey, String receiptNumber);

    /** Whether {@link #markUsedHere} holds for this match key. */
    boolean usedHere(String matchKey);
}
