package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resume ids of the consumed-tokens table, in a real SQLite file. */
class SqliteUsedResumeIdsTest {

    @TempDir
    Path dir;

    @Test
    void aResumeIdIsUsedOnceItsRowIsThereAndOnlyThen() throws Exception {
        Database db = Database.open(dir);
        SqliteUsedResumeIds used = new SqliteUsedResumeIds(db);
        assertThat(used.used("AAECAwQFBgcICQoLDA0ODw")).isFalse();

        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO consumed_resume_tokens (resume_id, consumed_at) VALUES (?, ?)")) {
            ps.setString(1, "AAECAwQFBgcICQoLDA0ODw");
            ps.setString(2, "2026-12-02T01:00:00Z");
            ps.executeUpdate();
        }

        assertThat(used.used("AAECAwQFBgcICQoLDA0ODw")).isTrue();
        assertThat(used.used("aaecawqfbgcicqolda0odw")).as("base64url is case-sensitive").isFalse();
        assertThat(new SqliteUsedResumeIds(Database.open(dir)).used("AAECAwQFBgcICQoLDA0ODw")).as("after a restart")
                .isTrue();
    }
}
