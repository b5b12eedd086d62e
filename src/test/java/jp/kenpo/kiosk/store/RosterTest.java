package jp.kenpo.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.core.roster.Eligibility.Outcome;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.core.roster.MarkUsedOnSubmit;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.core.roster.RosterKeys;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.testing.TestConfigs;

/** Roster import into a real SQLite file, eligibility against it, and what the file must not hold. */
class RosterTest {

    @TempDir
    Path dir;

    KioskConfig config;
    SqliteRosterRepository repo;

    static final String CSV = """
            insurerNumber,symbol,number,branch,kanaName,birthDate,memberType,status
            01130012,91,200001,01,ケンコウ タロウ,1956-04-01,insured,active
            01130012,91,200001,02,ケンコウ ハナコ,1958-09-15,dependent,active
            01130012,123,4567,,サトウ イチロウ,1949-12-03,insured,active
            01130012,7,88,,タナカ ミドリ,1961-06-30,insured,already_verified
            133033,71-1234,12345678,,ヤマモト ケン,1970-01-20,insured,active
            01130012,5,5,,モリ シズカ,1975-03-03,insured,removed
            """;

    @BeforeEach
    void importRoster() throws Exception {
        config = TestConfigs.demo(dir.resolve("data"));
        repo = new SqliteRosterRepository(Database.open(config.dataDir()));
        Path csv = dir.resolve("roster.csv");
        Files.writeString(csv, CSV);
        RosterCsvImporter.Report r = new RosterCsvImporter(config, repo).importFile(csv);
        assertThat(r.problems()).isEmpty();
        assertThat(r.imported()).isEqualTo(6);
    }

    private Outcome check(String insurer, String symbol, String number, String branch, String kana, String birth) {
        return new Eligibility(repo, config.roster().keyBytes()).check(InsurerNumber.parse(insurer).value(),
                card(insurer, symbol, number, branch), KanaName.parse(kana).value(), LocalDate.parse(birth));
    }

    private InsuranceCard card(String insurer, String symbol, String number, String branch) {
        var union = config.union(InsurerNumber.parse(insurer).value()).orElseThrow();
        String front = "";
        String back = symbol;
        if (symbol.contains("-")) {
            front = symbol.substring(0, symbol.indexOf('-'));
            back = symbol.substring(symbol.indexOf('-') + 1);
        }
        return InsuranceCard.parse(union.cardPattern(), union.normalization(),
                new InsuranceCard.Input(symbol, front, back, number, branch)).card();
    }

    @Test
    void outcomes() {
        assertThat(check("01130012", "091", "200001", "1", "けんこう たろう", "1956-04-01")).isEqualTo(Outcome.ELIGIBLE);
        assertThat(check("01130012", "９１", "２００００１", "01", "ｹﾝｺｳ ﾀﾛｳ", "1956-04-01")).isEqualTo(Outcome.ELIGIBLE);
        assertThat(check("01130012", "91", "200001", "02", "ケンコウ ハナコ", "1958-09-15")).isEqualTo(Outcome.ELIGIBLE);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-02")).isEqualTo(Outcome.MISMATCH);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ ジロウ", "1956-04-01")).isEqualTo(Outcome.MISMATCH);
        assertThat(check("01130012", "91", "200002", "01", "ケンコウ タロウ", "1956-04-01")).isEqualTo(Outcome.NOT_FOUND);
        assertThat(check("01130012", "7", "88", "", "タナカ ミドリ", "1961-06-30")).isEqualTo(Outcome.ALREADY_VERIFIED);
        assertThat(check("01130012", "5", "5", "", "モリ シズカ", "1975-03-03")).isEqualTo(Outcome.NOT_FOUND);
        // ③ with "after the hyphen" and "last 7 digits": the member may type the long forms.
        assertThat(check("133033", "71-1234", "12345678", "", "ヤマモト ケン", "1970-01-20")).isEqualTo(Outcome.ELIGIBLE);
        assertThat(check("133033", "-1234", "2345678", "", "ヤマモト ケン", "1970-01-20")).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void theDatabaseFileHoldsNoNameOrBirthdateInClear() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (String line : CSV.lines().skip(1).toList()) {
            String[] f = line.split(",");
            secrets.add(f[4]);                                  // ケンコウ タロウ
            secrets.add(f[4].replace(" ", ""));                 // ケンコウタロウ
            secrets.add(f[4].substring(0, f[4].indexOf(' ')));  // ケンコウ
            secrets.add(f[5]);                                  // 1956-04-01
            secrets.add(f[5].replace("-", ""));                 // 19560401
            secrets.add(f[2].length() >= 4 ? f[2] : "no-short-number");
        }
        byte[] all;
        try (Stream<Path> files = Files.list(config.dataDir())) {
            List<Path> list = files.filter(Files::isRegularFile).toList();
            assertThat(list).extracting(p -> p.getFileName().toString()).contains("kiosk.db");
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (Path p : list) {
                bytes.write(Files.readAllBytes(p));
            }
            all = bytes.toByteArray();
        }
        String asUtf8 = new String(all, StandardCharsets.UTF_8);
        String asUtf16 = new String(all, StandardCharsets.UTF_16LE);
        for (String s : secrets) {
            assertThat(asUtf8).as("UTF-8 %s", s).doesNotContain(s);
            assertThat(asUtf16).as("UTF-16 %s", s).doesNotContain(s);
        }
        // The scan can find things: the insurer number is stored in clear on purpose.
        assertThat(asUtf8).contains("01130012");
    }

    @Test
    void aBadRowImportsNothing() throws Exception {
        long before = repo.count();
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, """
                insurerNumber,symbol,number,branch,kanaName,birthDate
                01130012,1,1,,イシイ ユキ,1980-02-02
                01130012,1,2,,石井 ユキ,1980-02-02
                01130012,1,3,,イシイ ユキ,1980-02-30
                """);
        RosterCsvImporter.Report r = new RosterCsvImporter(config, repo).importFile(csv);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).containsExactly(
                "bad.csv:3: kanaName is not full-width katakana (kana.error.notKana)",
                "bad.csv:4: birthDate must be yyyy-MM-dd");
        assertThat(repo.count()).isEqualTo(before);
    }

    @Test
    void missingAndUnknownColumnsAreNamed() throws Exception {
        Path csv = dir.resolve("cols.csv");
        Files.writeString(csv, "insurerNumber,symbol,number,kana,birthDate\n01130012,1,1,ア,1980-01-01\n");
        RosterCsvImporter.Report r = new RosterCsvImporter(config, repo).importFile(csv);
        assertThat(r.problems()).contains("cols.csv:1: the column 'branch' is missing (needed: insurerNumber, symbol, "
                + "number, branch, kanaName, birthDate)", "cols.csv:1: unknown column 'kana'");
    }

    @Test
    void reimportReplacesStatus() throws Exception {
        Path csv = dir.resolve("update.csv");
        Files.writeString(csv, "\uFEFFinsurerNumber,symbol,number,branch,kanaName,birthDate,status\n"
                + "01130012,91,200001,01,ケンコウ タロウ,1956-04-01,already_verified\n");
        assertThat(new RosterCsvImporter(config, repo).importFile(csv).ok()).isTrue();
        assertThat(repo.count()).isEqualTo(6);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .isEqualTo(Outcome.ALREADY_VERIFIED);
    }

    /**
     * 保険証情報の照会は1名1回 on this kiosk: once Taro's registration is queued, the roster check no
     * longer passes him (his dependent on the same card still passes) — across a roster pull that
     * cannot know of the registration yet — until the central service's roster speaks for him after
     * delivery.
     */
    @Test
    void aSubmittedMemberIsAlreadyVerifiedHereUntilTheCentralRosterSpeaksAgain() throws Exception {
        SqliteOutbox outbox = new SqliteOutbox(Database.open(config.dataDir()));
        Eligibility eligibility = new Eligibility(repo, config.roster().keyBytes());
        RegistrationSubmitter queue = s -> new RegistrationSubmitter.Receipt(
                outbox.enqueue("reg-1", "K07", java.time.Instant.EPOCH, new byte[] {1}),
                jp.kenpo.kiosk.core.session.RegistrationOutcome.QUEUED);
        KioskSession taro = new KioskSession(new SessionId("t"), java.time.Instant.EPOCH);
        InsuranceCard card = card("01130012", "91", "200001", "01");
        taro.union(InsurerNumber.parse("01130012").value(), true);
        taro.card(card.symbol(), card.number(), card.branch(), MemberType.INSURED);
        taro.person("ケンコウ タロウ", LocalDate.of(1956, 4, 1));
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01")).isEqualTo(Outcome.ELIGIBLE);

        String receipt = new MarkUsedOnSubmit(queue, eligibility).submit(taro.snapshot()).number();

        assertThat(receipt).isEqualTo("K07-0001");
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .isEqualTo(Outcome.ALREADY_VERIFIED);
        assertThat(check("01130012", "91", "200001", "02", "ケンコウ ハナコ", "1958-09-15")).isEqualTo(Outcome.ELIGIBLE);

        RosterKeys keys = new RosterKeys(config.roster().keyBytes());
        RosterEntry taroActive = new RosterEntry("01130012", keys.cardKey(InsurerNumber.parse("01130012").value(), card),
                keys.matchKey(InsurerNumber.parse("01130012").value(), card, KanaName.parse("ケンコウ タロウ").value(),
                        LocalDate.of(1956, 4, 1)), MemberType.INSURED, RosterEntry.Status.ACTIVE);
        fromCentral(taroActive);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .as("the central roster cannot know of a registration still waiting here")
                .isEqualTo(Outcome.ALREADY_VERIFIED);

        outbox.delivered("reg-1");
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .as("delivered, but the central service has not spoken for him yet")
                .isEqualTo(Outcome.ALREADY_VERIFIED);
        fromCentral(taroActive);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .as("after delivery the central roster's word holds").isEqualTo(Outcome.ELIGIBLE);
        assertThat(repo.usedHere(taroActive.matchKey())).isFalse();
    }

    private void fromCentral(RosterEntry e) throws Exception {
        try (SqliteRosterRepository.Batch b = repo.batch()) {
            b.addFromCentral(e);
            b.commit();
        }
    }

    /** The same roster as UTF-8, UTF-8 with a byte-order mark and Shift_JIS (CP932) imports the same. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"UTF-8", "UTF-8 with BOM", "windows-31j"})
    void aRosterExportedInAnyCommonJapaneseEncodingImports(String encoding) throws Exception {
        String csv = "insurerNumber,symbol,number,branch,kanaName,birthDate,status\n"
                + "01130012,91,200001,01,ケンコウ タロウ,1956-04-01,already_verified\n"
                + "01130012,400,1,,ソウマ ヂヅル,1990-10-10,active\n";
        byte[] bytes = encoding.equals("UTF-8 with BOM") ? ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8)
                : csv.getBytes(java.nio.charset.Charset.forName(encoding));
        Path file = dir.resolve("export.csv");
        Files.write(file, bytes);

        RosterCsvImporter.Report r = new RosterCsvImporter(config, repo).importFile(file);

        assertThat(r.problems()).isEmpty();
        assertThat(r.imported()).isEqualTo(2);
        assertThat(check("01130012", "91", "200001", "01", "ケンコウ タロウ", "1956-04-01"))
                .isEqualTo(Outcome.ALREADY_VERIFIED);
        assertThat(check("01130012", "400", "1", "", "ソウマ ヂヅル", "1990-10-10")).isEqualTo(Outcome.ELIGIBLE);
    }

    @Test
    void shiftJisIsSeenFromTheFileAndANamedEncodingIsHonoured() throws Exception {
        Path sjis = dir.resolve("sjis.csv");
        Files.write(sjis, "kanaName\nケンコウ タロウ\n".getBytes(RosterFileEncoding.SHIFT_JIS));
        Path utf8 = dir.resolve("utf8.csv");
        Files.writeString(utf8, "kanaName\nケンコウ タロウ\n");
        assertThat(RosterFileEncoding.detect(sjis)).isEqualTo(RosterFileEncoding.SHIFT_JIS);
        assertThat(RosterFileEncoding.detect(utf8)).isEqualTo(StandardCharsets.UTF_8);

        Path roster = dir.resolve("named.csv");
        Files.write(roster, ("insurerNumber,symbol,number,branch,kanaName,birthDate\n"
                + "01130012,400,1,,ソウマ ヂヅル,1990-10-10\n").getBytes(RosterFileEncoding.SHIFT_JIS));
        RosterCsvImporter.Report wrong = new RosterCsvImporter(config, repo).importFile(roster, StandardCharsets.UTF_8);
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.problems()).singleElement().asString()
                .startsWith("named.csv: the file is not UTF-8 text").contains("--encoding");
        assertThat(new RosterCsvImporter(config, repo).importFile(roster, RosterFileEncoding.SHIFT_JIS).imported())
                .isEqualTo(1);
    }

    @Test
    void textInNeitherEncodingIsAProblemNotACrash() throws Exception {
        long before = repo.count();
        Path file = dir.resolve("binary.csv");
        byte[] bytes = ("insurerNumber,symbol,number,branch,kanaName,birthDate\n01130012,1,1,,").getBytes(
                StandardCharsets.US_ASCII);
        byte[] junk = {(byte) 0x82, (byte) 0xFF, (byte) 0xFE, (byte) 0x85, '\n'};
        Files.write(file, java.nio.ByteBuffer.allocate(bytes.length + junk.length).put(bytes).put(junk).array());

        RosterCsvImporter.Report r = new RosterCsvImporter(config, repo).importFile(file);

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().asString().startsWith("binary.csv: the file is not UTF-8 text");
        assertThat(repo.count()).isEqualTo(before);
    }
}
