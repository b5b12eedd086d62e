package jp.kenpo.kiosk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.roster.Eligibility;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.RosterCsvImporter;
import jp.kenpo.kiosk.store.SqliteRosterRepository;
import jp.kenpo.kiosk.testing.TestConfigs;

/**
 * Roster targets (docs/architecture.md §11): 1,000,000 entries imported in ≤ 60 s, an eligibility lookup ≤ 2 ms.
 * Run with {@code mvn -q test -Pbench}; prints its figures.
 */
@Tag("bench")
class RosterBenchmark {

    private static final String[] KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
            .split("");

    @TempDir
    Path dir;

    static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3 + r.nextInt(2); i++) {
            sb.append(KANA[r.nextInt(KANA.length)]);
        }
        sb.append(' ');
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            sb.append(KANA[r.nextInt(KANA.length)]);
        }
        return sb.toString();
    }

    @Test
    void importOneMillionAndLookUp() throws Exception {
        int n = Integer.getInteger("roster.entries", 1_000_000);
        KioskConfig config = TestConfigs.demo(dir.resolve("data"));
        Path csv = dir.resolve("roster.csv");
        Random r = new Random(11);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("insurerNumber,symbol,number,branch,kanaName,birthDate,memberType\n");
            for (int i = 0; i < n; i++) {
                LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(30_000));
                w.write("01130012," + (i % 997) + "," + (100_000 + i / 997) + ",0" + (1 + r.nextInt(3)) + ","
                        + name(r) + "," + birth + ",insured\n");
            }
        }
        SqliteRosterRepository repo = new SqliteRosterRepository(Database.open(config.dataDir()));
        long t0 = System.nanoTime();
        RosterCsvImporter.Report report = new RosterCsvImporter(config, repo).importFile(csv);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(report.problems()).isEmpty();
        long stored = repo.count();

        // Lookups: the same rows again (hits) and altered birthdates (misses), as members would type them.
        Eligibility eligibility = new Eligibility(repo, config.roster().keyBytes());
        var union = config.unions().get(0);
        InsurerNumber insurer = InsurerNumber.parse("01130012").value();
        Random again = new Random(11);
        int lookups = 5_000;
        long[] ns = new long[lookups];
        int eligible = 0;
        for (int i = 0; i < lookups; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(again.nextInt(30_000));
            String branch = "0" + (1 + again.nextInt(3));
            String kana = name(again);
            if (i % 2 == 1) {
                birth = birth.plusDays(1);
            }
            long s = System.nanoTime();
            InsuranceCard card = InsuranceCard.parse(union.cardPattern(), union.normalization(),
                    new InsuranceCard.Input(Integer.toString(i % 997), "", "", Integer.toString(100_000 + i / 997),
                            branch)).card();
            Eligibility.Outcome o = eligibility.check(insurer, card, KanaName.parse(kana).value(), birth);
            ns[i] = System.nanoTime() - s;
            if (o == Eligibility.Outcome.ELIGIBLE) {
                eligible++;
            }
        }
        Arrays.sort(ns);
        System.out.printf("roster bench: %d entries imported in %.1f s (%.0f entries/s), %d stored, db %d MB%n",
                n, importSeconds, n / importSeconds, stored, Files.size(config.dataDir().resolve("kiosk.db")) >> 20);
        System.out.printf("roster bench: %d lookups, median %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms; %d eligible%n",
                lookups, ns[lookups / 2] / 1e6, ns[lookups * 95 / 100] / 1e6, ns[lookups * 99 / 100] / 1e6,
                ns[lookups - 1] / 1e6, eligible);
        assertThat(eligible).isEqualTo(lookups / 2);
    }
}
