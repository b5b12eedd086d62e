package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.port.RosterChanges;
import jp.kenpo.kiosk.core.text.LogText;

/**
 * Pulls roster changes from the central service page by page, from the cursor where the last pull
 * ended; each page and its cursor are written in one transaction, so an interrupted pull resumes
 * where it stopped and never skips a change. A page that breaks the contract is refused whole
 * (nothing of it is stored, the cursor stays) and the pull ends there until the next turn.
 */
public final class RosterPuller {

    private static final Logger LOG = LoggerFactory.getLogger(RosterPuller.class);
    static final int PAGE = 1000;

    private final CentralClient client;
    private final RosterChanges roster;
    private final Clock clock;

    public RosterPuller(CentralClient client, RosterChanges roster, Clock clock) {
        this.client = client;
        this.roster = roster;
        this.clock = clock;
    }

    /** Pulls until the central service has nothing more; returns how many changes were applied. */
    public long pull() throws IOException, InterruptedException {
        long applied = 0;
        String cursor = roster.cursor().orElse(null);
        while (true) {
            CentralClient.RosterPage page = client.roster(cursor, PAGE);
            roster.applyPage(page.entries(), page.nextCursor(), clock.instant());
            applied += page.entries().size();
            cursor = page.nextCursor();
            if (!page.more() || page.entries().isEmpty()) {
                return applied;
            }
        }
    }

    /** When the last pull ended, if ever. */
    public java.util.Optional<java.time.Instant> pulledAt() {
        return roster.pulledAt();
    }

    /** {@link #pull()} for the schedule: a failure is logged and retried at the next turn. */
    void pullQuietly() {
        try {
            long n = pull();
            if (n > 0) {
                LOG.info("roster pull: {} changes applied", n);
            }
        } catch (CentralClient.RosterRefused e) {
            LOG.warn("roster pull stopped: {}; tried again at the next turn", e.getMessage());
        } catch (IOException | RuntimeException e) {
            // a database failure (unchecked from the port) is retried at the next turn like a network one
            LOG.info("roster pull not possible now: {}", LogText.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
