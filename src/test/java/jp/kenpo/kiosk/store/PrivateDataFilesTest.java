package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.central.CentralServer;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.mail.FolderMailSender;
import jp.kenpo.kiosk.mail.OtpMailer;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * On POSIX systems only the kiosk's own user can read what it keeps: data folders are 0700, the
 * database files, the demo's mails and the reference server's database 0600 — in real folders.
 */
class PrivateDataFilesTest {

    static final String FOLDER = "rwx------";
    static final String FILE = "rw-------";

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void theDataFolderAndTheDatabaseFilesAreTheKiosksUsersOnly() throws Exception {
        Path data = dir.resolve("site/kiosk-data");
        Database db = Database.open(data);
        try (Connection held = db.connect(); Statement s = held.createStatement()) {
            s.executeUpdate("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', '2026-01-01T00:00:00Z')");
            assertThat(mode(dir.resolve("site"))).as("a parent it created").isEqualTo(FOLDER);
            assertThat(mode(data)).isEqualTo(FOLDER);
            for (String name : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
                assertThat(data.resolve(name)).exists();
                assertThat(mode(data.resolve(name))).as(name).isEqualTo(FILE);
            }
        }
    }

    @Test
    void aDataFolderAndDatabaseLeftOpenToOthersAreClosedWhenOpened() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Database.open(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("kiosk.db"), PosixFilePermissions.fromString("rw-r--r--"));

        Database.open(data);

        assertThat(mode(data)).isEqualTo(FOLDER);
        assertThat(mode(data.resolve("kiosk.db"))).isEqualTo(FILE);
    }

    @Test
    void theDemoMailFolderAndItsMailsAreTheKiosksUsersOnly() throws Exception {
        Path mail = dir.resolve("data/mail");
        new OtpMailer(new FolderMailSender(mail, "no-reply@demo.kenpo.example", Clock.systemUTC()))
                .sendCode("kenkou.taro@example.jp", "482913", new LocalizedText("デモ", "Demo"), Locale.JAPANESE);
        assertThat(mode(mail)).isEqualTo(FOLDER);
        try (var files = Files.list(mail)) {
            List<Path> mails = files.toList();
            assertThat(mails).hasSize(1);
            assertThat(mode(mails.get(0))).isEqualTo(FILE);
        }
    }

    @Test
    void theReferenceServersDatabaseIsItsUsersOnly() throws Exception {
        Path central = dir.resolve("data/central");
        try (CentralServer server = CentralServer.start(CentralServer.Options.of(central, Unsealer.demoKey(),
                "demo-2026"))) {
            assertThat(server.registeredCount()).isZero();
            assertThat(mode(central)).isEqualTo(FOLDER);
            assertThat(mode(central.resolve("central.db"))).isEqualTo(FILE);
        }
    }
}
