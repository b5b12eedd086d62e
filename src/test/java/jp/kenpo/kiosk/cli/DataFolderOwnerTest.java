package jp.kenpo.kiosk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Root is kept out of a data folder that belongs to the kiosk's own user; nobody else is stopped here. */
class DataFolderOwnerTest {

    @ParameterizedTest(name = "{1} on a folder of {0}: refused {2}")
    @CsvSource(nullValues = "-", value = {
            "kenpo-kiosk, root,        true",
            "root,        root,        false",
            "kenpo-kiosk, kenpo-kiosk, false",
            "kenpo-kiosk, alice,       false",
            "-,           root,        false", // no folder yet
    })
    void onlyRootOnAnotherUsersFolderIsRefused(String owner, String user, boolean refused) {
        assertThat(DataFolderOwner.refusal(Path.of("/var/lib/kenpo-kiosk"), owner, user).isPresent())
                .isEqualTo(refused);
    }

    @Test
    void theRefusalNamesTheFolderAndTheCommandToUseInstead() {
        assertThat(DataFolderOwner.refusal(Path.of("/var/lib/kenpo-kiosk"), "kenpo-kiosk", "root").orElseThrow())
                .contains("/var/lib/kenpo-kiosk").contains("sudo -u kenpo-kiosk kenpo-kiosk");
    }

    @Test
    void aFolderOfThisProcesssOwnUserIsLetThrough(@TempDir Path dir) throws Exception {
        assertThat(Files.getOwner(dir).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(DataFolderOwner.refusal(dir)).isEmpty();
        assertThat(DataFolderOwner.refusal(dir.resolve("not-yet"))).isEmpty();
    }
}
