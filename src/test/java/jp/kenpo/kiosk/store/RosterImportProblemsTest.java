package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.kenpo.kiosk.app.LogFiles;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * A roster file's problems are reported by line and column, never with what a cell holds: the
 * report is printed and logged, and the cells are members' names, birthdates and card numbers.
 */
class RosterImportProblemsTest {

    static final List<String> CELLS = List.of("ケンコウ", "タロウ", "1956-04-01", "200001", "0113001X");

    @TempDir
    Path dir;

    KioskConfig config;
    SqliteRosterRepository repo;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        config = TestConfigs.demo(dir.resolve("data"));
        repo = new SqliteRosterRepository(Database.open(config.dataDir()));
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        LogFiles.stop();
    }

    private RosterCsvImporter.Report importing(String name, String csv) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return new RosterCsvImporter(config, repo).importFile(file);
    }

    @Test
    void aBadInsurerNumberIsNamedByColumnNotByValue() throws Exception {
        RosterCsvImporter.Report r = importing("insurer.csv", """
                insurerNumber,symbol,number,branch,kanaName,birthDate
                0113001X,91,200001,01,ケンコウ タロウ,1956-04-01
                """);
        assertThat(r.problems()).containsExactly(
                "insurer.csv:2: insurerNumber is not a valid insurer number (insurer.error.notDigits)");
    }

    @Test
    void aFileWithoutItsHeaderRowIsSaidSoWithoutRepeatingTheRow() throws Exception {
        RosterCsvImporter.Report r = importing("noheader.csv", "01130012,91,200001,01,ケンコウ タロウ,1956-04-01\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).contains(
                "noheader.csv:1: column 5 is not a known column name (is the header row missing?)");
        CELLS.forEach(cell -> assertThat(String.join("\n", r.problems())).doesNotContain(cell));
    }

    @Test
    void aLineThatIsNotCsvIsAProblemOfItsLineNotAnExceptionQuotingIt() throws Exception {
        RosterCsvImporter.Report tooMany = importing("cells.csv", """
                insurerNumber,symbol,number,branch,kanaName,birthDate
                01130012,91,200002,01,ミホン ハナコ,1958-09-15
                01130012,91,200001,01,1956-04-01,ケンコウ タロウ,extra
                """);
        assertThat(tooMany.problems()).containsExactly("cells.csv:3: the line cannot be read as CSV (more cells than"
                + " the header has columns, or a quotation mark that is not closed)");
        RosterCsvImporter.Report quote = importing("quote.csv", """
                insurerNumber,symbol,number,branch,kanaName,birthDate
                01130012,91,200001,01,"ケンコウ タロウ,1956-04-01
                """);
        assertThat(quote.ok()).isFalse();
        assertThat(String.join("\n", quote.problems())).doesNotContain("ケンコウ", "1956-04-01");
        assertThat(repo.count()).isZero();
    }

    @Test
    void theRosterCommandPrintsAndLogsNoCell() throws Exception {
        Path cfg = TestConfigs.demoCopy(dir.resolve("site"));
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, """
                insurerNumber,symbol,number,branch,kanaName,birthDate
                0113001X,91,200001,01,ケンコウ タロウ,1956-04-01
                01130012,91,200001,01,1956-04-01,ケンコウ タロウ,extra
                """);
        jp.kenpo.kiosk.testing.Commands.Run r = jp.kenpo.kiosk.testing.Commands.run("--config", cfg.toString(),
                "roster", "import", csv.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.csv:2: insurerNumber is not a valid insurer number",
                "bad.csv:3: the line cannot be read as CSV", "Nothing was imported.");
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        String logFile = Files.readString(dir.resolve("site/target/kiosk-data/logs/kiosk.log"));
        for (String cell : CELLS) {
            assertThat(r.out() + r.err()).as("printed").doesNotContain(cell);
            assertThat(logged).as("logged").doesNotContain(cell);
            assertThat(logFile).as("in the log file").doesNotContain(cell);
        }
    }
}
