package jp.kenpo.kiosk.sync;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;

/**
 * {@code sync --once} as a process of its own, for {@link HostileCentralTest}: queues one sealed
 * registration in a fresh data directory, prints {@code syncing}, runs one delivery pass over
 * everything held and prints {@code pass <accepted> <retrying> <left>}; exit code 0 when nothing is
 * left, 1 otherwise — as the command does. Each line read from standard input runs another pass
 * first (so that one process can meet several answers); the end of the input ends it.
 *
 * <p>Arguments: data directory, central server URL, device token, the call deadline in milliseconds.
 */
public final class SyncOnceProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncOnceProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        SqliteOutbox outbox = new SqliteOutbox(Database.open(Path.of(args[0])));
        queue(outbox, Clock.systemUTC().instant(), 0);
        CentralClient client = new CentralClient(args[1], args[2], null, Duration.ofMillis(Long.parseLong(args[3])));
        SyncWorker worker = new SyncWorker(outbox, client, Clock.systemUTC(), RandomSource.secure(),
                SyncWorker.Policy.standard(), null, "K07", () -> true);
        java.io.BufferedReader in = new java.io.BufferedReader(
                new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        SyncWorker.Pass pass;
        do {
            out.println("syncing");
            pass = worker.runAll();
            out.println("pass " + pass.accepted() + " " + pass.retrying() + " " + pass.left());
        } while (in.readLine() != null);
        System.exit(pass.left() == 0 ? 0 : 1);
    }

    /**
     * Seals a synthetic member's registration to the demo central key and queues it, as the kiosk's
     * submitter does; returns its id.
     */
    static String queue(RegistrationOutbox outbox, Instant now, int n) throws Exception {
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")),
                "demo-2026", new SecureRandom());
        String id = UUID.randomUUID().toString();
        String createdAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC).toString();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("registrationId", id);
        r.put("kioskId", "K07");
        r.put("createdAt", createdAt);
        r.put("insurerNumber", "01130012");
        r.put("card", Map.of("symbol", "91", "number", String.valueOf(400000 + n)));
        r.put("member", Map.of("kanaName", "ミホン　ハナコ" + n, "birthDate", "1980-01-0" + (1 + n % 9),
                "memberType", "insured"));
        r.put("account", Map.of("email", "hanako" + n + "@example.jp", "password", "Midori7!s" + n,
                "emailVerified", true, "consents", List.of("terms@2024-05")));
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("registrationId", id);
        envelope.put("kioskId", "K07");
        envelope.put("createdAt", createdAt);
        envelope.put("sealed", sealer.seal(id, JSON.writeValueAsBytes(r)));
        outbox.enqueue(id, "K07", now, JSON.writeValueAsBytes(envelope));
        return id;
    }
}
