package jp.kenpo.kiosk.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kenpo.kiosk.core.roster.RosterEntry;

/**
 * The roster cache as the pull from the central service writes it: the changes arrive page by page,
 * each page stored together with the cursor where the next pull starts, so an interrupted pull
 * resumes where it stopped and never skips a change.
 */
public interface RosterChanges {

    /** Where the next incremental pull starts; empty before the first. */
    Optional<String> cursor();

    /** When the last pull ended; empty before the first. */
    Optional<Instant> pulledAt();

    /**
     * Stores one page of changes as the central service states them and the cursor after it, in one
     * transaction: on a failure nothing of the page is kept and the cursor stays where it was.
     */
    void applyPage(List<RosterEntry> changes, String nextCursor, Instant pulledAt);
}
