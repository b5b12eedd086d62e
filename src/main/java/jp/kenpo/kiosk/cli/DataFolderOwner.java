package jp.kenpo.kiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A command run by root on a kiosk whose data folder belongs to the kiosk's own user would leave
 * root's files there — the database, its journal, the log folder — which the kiosk can then no
 * longer open: the next start fails and the session goes into a crash loop. So such a run is
 * refused with the command to use instead (an installed kiosk's folder belongs to
 * {@code kenpo-kiosk}; see README "Install on a counter PC"). A folder root owns, or a user
 * other than root, is let through: the operating system's own refusals say the rest.
 */
final class DataFolderOwner {

    private DataFolderOwner() {
    }

    /** The sentence refusing {@code user} the folder {@code dir} that {@code owner} owns; empty when allowed. */
    static Optional<String> refusal(Path dir, String owner, String user) {
        if (owner == null || !"root".equals(user) || owner.equals(user)) {
            return Optional.empty();
        }
        return Optional.of("the data folder " + dir + " belongs to the user " + owner
                + "; run this as that user (sudo -u " + owner + " kenpo-kiosk …): files root made there"
                + " would stop the kiosk from opening its database");
    }

    /** The same for this process and the folder as it is on disk (no folder yet: allowed). */
    static Optional<String> refusal(Path dir) {
        String owner;
        try {
            owner = Files.exists(dir) ? Files.getOwner(dir).getName() : null;
        } catch (IOException | UnsupportedOperationException e) {
            owner = null;
        }
        return refusal(dir, owner, System.getProperty("user.name"));
    }
}
