package jp.kenpo.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * How often the kiosk session started lately: the session script (packaging/linux/session) writes one
 * line per start, the epoch second, into {@code <logs>/session-starts}, keeping the last 10 minutes.
 * Three or more starts in 10 minutes is a crash loop in the making; the heartbeat carries the count.
 */
public final class SessionStarts {

    public static final String FILE_NAME = "session-starts";
    static final long WINDOW_SECONDS = 600;

    private SessionStarts() {
    }

    /** Starts in the 10 minutes before now; -1 when there is no such file (not run by the session script). */
    public static int recent(Path logsDir, Clock clock) {
        if (logsDir == null) {
            return -1;
        }
        Path file = logsDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return -1;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        long since = clock.instant().getEpochSecond() - WINDOW_SECONDS;
        int n = 0;
        for (String line : lines) {
            try {
                if (Long.parseLong(line.strip()) >= since) {
                    n++;
                }
            } catch (NumberFormatException ignored) {
                // a line cut short by a power cut
            }
        }
        return n;
    }
}
