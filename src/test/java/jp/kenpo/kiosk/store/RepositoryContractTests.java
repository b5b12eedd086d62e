package jp.kenpo.kiosk.store;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.port.AuditLog;
import jp.kenpo.kiosk.core.port.SettingsRepository;

/** The repository contracts against a real temporary SQLite file and against the in-memory versions. */
class RepositoryContractTests {

    @Nested
    class SqliteSettings extends SettingsRepositoryContract {
        @TempDir
        Path dir;
        SettingsRepository repo;

        @BeforeEach
        void open() throws Exception {
            repo = new SqliteSettingsRepository(Database.open(dir), java.time.Clock.systemUTC());
        }

        @Override
        protected SettingsRepository repository() {
            return repo;
        }
    }

    @Nested
    class InMemorySettings extends SettingsRepositoryContract {
        final SettingsRepository repo = new InMemoryRepositories.Settings();

        @Override
        protected SettingsRepository repository() {
            return repo;
        }
    }

    @Nested
    class SqliteAudit extends AuditLogContract {
        @TempDir
        Path dir;
        AuditLog log;

        @BeforeEach
        void open() throws Exception {
            log = new SqliteAuditLog(Database.open(dir), clock);
        }

        @Override
        protected AuditLog log() {
            return log;
        }
    }

    @Nested
    class InMemoryAudit extends AuditLogContract {
        final AuditLog log = new InMemoryRepositories.Audit(clock);

        @Override
        protected AuditLog log() {
            return log;
        }
    }
}
