package jp.kenpo.kiosk.core.port;

import java.util.Collection;
import java.util.Optional;

import jp.kenpo.kiosk.core.roster.RosterEntry;

/** The roster cache: keyed hashes only. */
public interface RosterRepository {

    Optional<RosterEntry> findByMatchKey(String matchKey);

    boolean cardKnown(String cardKey);

    /** Inserts or replaces the entries, in one transaction. */
    void upsert(Collection<RosterEntry> entries);

    long count();
}
