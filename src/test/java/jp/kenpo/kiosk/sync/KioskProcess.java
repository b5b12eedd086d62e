package jp.kenpo.kiosk.sync;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.kenpo.kiosk.core.port.RandomSource;
import jp.kenpo.kiosk.core.port.RegistrationOutbox;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.Registrations;

/**
 * A kiosk as a process of its own, for {@link KillTest}: opens the kiosk database in a data
 * directory and loops — submit a synthetic member, print {@code queued <registrationId>} once the
 * submit has returned, run one delivery pass — until it is killed.
 *
 * <p>Arguments: data directory, central server URL, device token, first member number,
 * picture bytes per member. Prints {@code ready} once the database is open, and {@code submitting <n>}
 * before each submit, so that the parent can tell where a kill landed.
 */
public final class KioskProcess {

    /** Short retries, so that what a kill interrupted is tried again within the next rounds. */
    static final SyncWorker.Policy QUICK = new SyncWorker.Policy(Duration.ofMillis(200), Duration.ofSeconds(2),
            Duration.ofMinutes(15), Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofMinutes(15), 20, 2);

    private KioskProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        String url = args[1];
        String token = args[2];
        int first = Integer.parseInt(args[3]);
        int imageBytes = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        Database db = Database.open(dataDir);
        Clock clock = Clock.systemUTC();
        SqliteOutbox sqlite = new SqliteOutbox(db);
        IdRecordingOutbox outbox = new IdRecordingOutbox(sqlite);
        Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")), "demo-2026",
                new SecureRandom());
        SealedSubmitter submitter = new SealedSubmitter("K07", sealer, outbox, clock, RandomSource.secure());
        CentralClient client = new CentralClient(url, token, null, Duration.ofSeconds(20));
        SyncWorker worker = new SyncWorker(sqlite, client, clock, RandomSource.secure(), QUICK,
                new RosterPuller(client, new SqliteRosterRepository(db), clock), "K07", () -> true);
        out.println("ready");
        out.flush();

        for (int k = first; ; k++) {
            out.println("submitting " + k);
            out.flush();
            submitter.submit(Registrations.finished(k, imageBytes).snapshot());
            out.println("queued " + outbox.lastId);
            out.flush();
            worker.runOnce();
        }
    }

    /** The outbox, remembering the id of the last registration queued (the receipt does not carry it). */
    private static final class IdRecordingOutbox implements RegistrationOutbox {
        private final RegistrationOutbox delegate;
        String lastId;

        IdRecordingOutbox(RegistrationOutbox delegate) {
            this.delegate = delegate;
        }

        @Override
        public String enqueue(String registrationId, String receiptPrefix, Instant createdAt, byte[] sealedEnvelope) {
            String receipt = delegate.enqueue(registrationId, receiptPrefix, createdAt, sealedEnvelope);
            lastId = registrationId;
            return receipt;
        }

        @Override
        public int waiting() {
            return delegate.waiting();
        }

        @Override
        public List<Pending> due(Instant now, long after, int limit) {
            return delegate.due(now, after, limit);
        }

        @Override
        public Optional<Pending> pending(String registrationId) {
            return delegate.pending(registrationId);
        }

        @Override
        public Optional<byte[]> sealed(String registrationId) {
            return delegate.sealed(registrationId);
        }

        @Override
        public void delivered(String registrationId) {
            delegate.delivered(registrationId);
        }

        @Override
        public void delivered(String registrationId, Instant at) {
            delegate.delivered(registrationId, at);
        }

        @Override
        public boolean resend(String receiptNumber, Instant now) {
            return delegate.resend(receiptNumber, now);
        }

        @Override
        public boolean erase(String receiptNumber) {
            return delegate.erase(receiptNumber);
        }

        @Override
        public void retryLater(String registrationId, Instant next, jp.kenpo.kiosk.core.port.DeliveryReason reason,
                               String detail) {
            delegate.retryLater(registrationId, next, reason, detail);
        }

        @Override
        public void needsAttention(String registrationId, jp.kenpo.kiosk.core.port.DeliveryReason reason,
                                   String detail, Instant next) {
            delegate.needsAttention(registrationId, reason, detail, next);
        }

        @Override
        public Optional<Instant> nextDue() {
            return delegate.nextDue();
        }

        @Override
        public Summary summary() {
            return delegate.summary();
        }
    }
}
