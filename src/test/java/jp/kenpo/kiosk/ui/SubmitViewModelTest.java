package jp.kenpo.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.RegistrationOutcome;
import jp.kenpo.kiosk.store.Database;
import jp.kenpo.kiosk.store.SqliteOutbox;
import jp.kenpo.kiosk.sync.CentralKey;
import jp.kenpo.kiosk.sync.SealedSubmitter;
import jp.kenpo.kiosk.sync.Sealer;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;
import jp.kenpo.kiosk.ui.confirm.ConfirmViewModel;
import jp.kenpo.kiosk.ui.done.DoneViewModel;
import jp.kenpo.kiosk.ui.secret.SecretQuestionViewModel;

/**
 * The submit and what follows it, on the view models: the registration sealed is the one on the
 * screen when 「この内容で認証する」 was pressed, whatever happens to the session meanwhile; an answer
 * that arrives after the screen was left changes nothing; the outcome screen counts down.
 */
class SubmitViewModelTest {

    @TempDir
    Path dir;

    /** Background work waits here until the test runs it: the moment between press and answer, held open. */
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private final Executor background = pending::add;

    private void runBackground() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    private static byte[] picture(int seed) {
        byte[] b = new byte[64 * 1024];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Nested
    class Confirm {

        private Database db;

        private ConfirmViewModel confirm(KioskSession s) throws Exception {
            db = Database.open(dir);
            Sealer sealer = new Sealer(CentralKey.read(Path.of("kiosk-config/demo-central/central-public.pem")),
                    "demo-2026", new SecureRandom());
            SealedSubmitter submitter = new SealedSubmitter("K07", sealer, new SqliteOutbox(db),
                    new MutableClock(Instant.parse("2026-11-22T01:00:00Z")), new SeededRandom(9));
            return new ConfirmViewModel(s, TestConfigs.demo(dir).unions().get(0), submitter, background, Runnable::run);
        }

        private KioskSession member() {
            KioskSession s = Registrations.finished("ケンコウ　タロウ", "kenkou.taro@example.jp");
            s.documentImage(KioskSession.Side.FRONT, picture(1));
            s.faceImage("frontal_mouth_closed", picture(2));
            s.faceImage("left_mouth_open", picture(3));
            return s;
        }

        private int queued() throws Exception {
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM outbox")) {
                rs.next();
                return rs.getInt(1);
            }
        }

        private JsonNode onlyRegistration() throws Exception {
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery("SELECT sealed FROM outbox")) {
                assertThat(rs.next()).isTrue();
                JsonNode r = Unsealer.open(rs.getBytes(1));
                assertThat(rs.next()).as("one registration").isFalse();
                return r;
            }
        }

        @Test
        void whatIsSealedIsTheSessionAsItWasAtThePressEvenIfItIsWipedMeanwhile() throws Exception {
            KioskSession s = member();
            ConfirmViewModel vm = confirm(s);
            AtomicInteger moved = new AtomicInteger();

            vm.commit(moved::incrementAndGet);
            assertThat(vm.busyProperty().get()).isTrue();
            s.wipe(); // 中止 on the JavaFX thread while the registration is being sealed
            runBackground();

            assertThat(vm.messageProperty().get()).as("no error").isNull();
            assertThat(moved.get()).as("a wiped session goes nowhere").isZero();
            assertThat(s.receiptNumber()).as("nothing is written into the wiped session").isNull();
            JsonNode r = onlyRegistration();
            assertThat(r.get("member").get("kanaName").asText()).isEqualTo("ケンコウ　タロウ");
            assertThat(r.get("account").get("password").asText()).isEqualTo("Midori7!s");
            JsonNode media = r.get("medicalAccess");
            assertThat(Base64.getDecoder().decode(media.get("document").get("images").get(0).get("data").asText()))
                    .as("the picture sealed whole, not zeroed by the wipe").isEqualTo(picture(1));
            assertThat(media.get("faces")).extracting(f -> f.get("pose").asText())
                    .containsExactly("frontal_mouth_closed", "left_mouth_open");
            assertThat(Base64.getDecoder().decode(media.get("faces").get(1).get("data").asText())).isEqualTo(picture(3));
        }

        @Test
        void anAnswerAfterTheScreenWasLeftMovesNothing() throws Exception {
            KioskSession s = member();
            ConfirmViewModel vm = confirm(s);
            AtomicInteger moved = new AtomicInteger();

            vm.commit(moved::incrementAndGet);
            vm.commit(moved::incrementAndGet); // a second press while busy
            vm.close();
            runBackground();

            assertThat(queued()).as("one press, one registration").isEqualTo(1);
            assertThat(moved.get()).isZero();
            assertThat(s.receiptNumber()).isNull();
            vm.commit(moved::incrementAndGet);
            runBackground();
            assertThat(queued()).as("a closed screen submits nothing").isEqualTo(1);
        }

        @Test
        void theAnswerMovesOnOnceWithTheReceiptAndTheOutcome() throws Exception {
            KioskSession s = member();
            ConfirmViewModel vm = confirm(s);
            AtomicInteger moved = new AtomicInteger();

            vm.commit(moved::incrementAndGet);
            runBackground();

            assertThat(moved.get()).isEqualTo(1);
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(s.receiptNumber()).isEqualTo("K07-0001");
            assertThat(s.outcome()).as("no central service answered").isEqualTo(RegistrationOutcome.QUEUED);
            assertThat(s.faceImages().get("left_mouth_open")).as("the session's own pictures untouched")
                    .isEqualTo(picture(3));
        }
    }

    @Nested
    class SecretQuestion {

        @Test
        void aHashThatArrivesAfterTheScreenWasLeftChangesNothing() {
            KioskSession s = Registrations.finished("ケンコウ　タロウ", "kenkou.taro@example.jp");
            s.secretQuestion(null, false, null);
            SecretQuestionViewModel vm = new SecretQuestionViewModel(s, new SeededRandom(1), k -> k, background,
                    Runnable::run);
            vm.customQuestionProperty().set("スキナイロ");
            vm.answerProperty().set("ミドリ");
            AtomicInteger moved = new AtomicInteger();

            vm.commit(moved::incrementAndGet);
            assertThat(vm.busyProperty().get()).isTrue();
            vm.close(); // 戻る was pressed before the hash was ready
            runBackground();

            assertThat(moved.get()).isZero();
            assertThat(s.secretAnswerHash()).isNull();
            assertThat(s.secretQuestion()).isNull();
        }

        @Test
        void aHashThatArrivesAfterTheWipeChangesNothing() {
            KioskSession s = Registrations.finished("ケンコウ　タロウ", "kenkou.taro@example.jp");
            SecretQuestionViewModel vm = new SecretQuestionViewModel(s, new SeededRandom(1), k -> k, background,
                    Runnable::run);
            vm.customQuestionProperty().set("スキナイロ");
            vm.answerProperty().set("ミドリ");
            AtomicInteger moved = new AtomicInteger();

            vm.commit(moved::incrementAndGet);
            s.wipe();
            runBackground();

            assertThat(moved.get()).isZero();
            assertThat(s.secretAnswerHash()).as("the wiped session stays empty").isNull();
        }
    }

    @Nested
    class Outcome {

        @Test
        void eachAnswerHasItsOwnWordsAndOnlyReviewPromisesAMail() {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
            Duration d = Duration.ofSeconds(30);
            assertThat(new DoneViewModel(RegistrationOutcome.COMPLETE, "K07-0001", clock, d))
                    .extracting(DoneViewModel::titleKey, DoneViewModel::leadKey)
                    .containsExactly("done.complete", "done.completeLead");
            assertThat(new DoneViewModel(RegistrationOutcome.PENDING_REVIEW, "K07-0001", clock, d))
                    .extracting(DoneViewModel::titleKey, DoneViewModel::leadKey)
                    .containsExactly("done.accepted", "done.acceptedLead");
            assertThat(new DoneViewModel(RegistrationOutcome.REFUSED, "K07-0001", clock, d))
                    .extracting(DoneViewModel::titleKey, DoneViewModel::leadKey)
                    .containsExactly("done.refused", "done.refusedLead");
            assertThat(new DoneViewModel(RegistrationOutcome.QUEUED, "K07-0001", clock, d))
                    .extracting(DoneViewModel::titleKey, DoneViewModel::leadKey)
                    .containsExactly("done.accepted", "done.queuedLead");
            // "mail" in each language the kiosk speaks
            java.util.Map<String, String> mail = java.util.Map.of("ja", "メール", "en", "email", "zh", "邮件",
                    "ko", "메일", "vi", "email", "pt", "e-mail");
            assertThat(I18n.SUPPORTED).allSatisfy(lang -> assertThat(mail).containsKey(lang.getLanguage()));
            for (var lang : I18n.SUPPORTED) {
                var bundle = I18n.bundle(lang);
                String word = mail.get(lang.getLanguage());
                assertThat(bundle.getString("done.acceptedLead")).as("%s", lang).contains(word);
                for (String key : new String[] {"done.refused", "done.refusedLead", "done.queuedLead"}) {
                    assertThat(bundle.getString(key)).as("%s %s promises no mail", lang, key)
                            .doesNotContain(word).doesNotContainIgnoringCase("mail");
                }
            }
        }

        @Test
        void theCountdownRunsOnTheClockAndEndsTheScreen() {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
            DoneViewModel vm = new DoneViewModel(RegistrationOutcome.COMPLETE, "K07-0001", clock, Duration.ofSeconds(30));
            assertThat(vm.secondsLeftProperty().get()).isEqualTo(30);
            clock.advance(Duration.ofMillis(10_200));
            assertThat(vm.tick()).isFalse();
            assertThat(vm.secondsLeftProperty().get()).as("rounded up").isEqualTo(20);
            clock.advance(Duration.ofMillis(19_700));
            assertThat(vm.tick()).isFalse();
            assertThat(vm.secondsLeftProperty().get()).as("1 until the very end").isEqualTo(1);
            clock.advance(Duration.ofMillis(100));
            assertThat(vm.tick()).isTrue();
            assertThat(vm.secondsLeftProperty().get()).isZero();
        }
    }
}
