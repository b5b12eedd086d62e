package jp.kenpo.kiosk.ui;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.config.ConsentText;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.core.session.StaffGate;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.consent.ConsentViewModel;
import jp.kenpo.kiosk.ui.insurer.InsurerViewModel;
import jp.kenpo.kiosk.ui.staff.StaffPinViewModel;
import jp.kenpo.kiosk.ui.welcome.WelcomeViewModel;

/** The view models, without a screen: plain properties on the test's thread. */
class ViewModelTests {

    static KioskSession session() {
        return new KioskSession(new SessionId("test"), Instant.parse("2026-11-22T01:00:00Z"));
    }

    @Nested
    class Consent {
        final KioskSession session = session();
        final ConsentViewModel vm = new ConsentViewModel(List.of(
                new ConsentText("terms@2024-05", new LocalizedText("利用規約", "Terms"), new LocalizedText("本文", "Body")),
                new ConsentText("privacy@2024-05", new LocalizedText("個人情報", null), new LocalizedText("本文", null))),
                session);

        @Test
        void agreeingIsImpossibleBeforeReadingToTheEnd() {
            vm.agreedProperty().set(true);
            assertThat(vm.agreedProperty().get()).isFalse();
            vm.scrolledTo(0.5);
            vm.agreedProperty().set(true);
            assertThat(vm.agreedProperty().get()).isFalse();
            assertThat(vm.canAdvance().get()).isFalse();
            assertThat(goesOn(vm)).isFalse();
            assertThat(session.consents()).isEmpty();
        }

        @Test
        void readingToTheEndThenAgreeingRecordsIdAtVersion() {
            vm.scrolledTo(1.0);
            assertThat(vm.readToEndProperty().get()).isTrue();
            vm.scrolledTo(0.2); // scrolling back up does not take it away
            assertThat(vm.readToEndProperty().get()).isTrue();
            vm.agreedProperty().set(true);
            assertThat(vm.canAdvance().get()).isTrue();
            assertThat(goesOn(vm)).isTrue();
            assertThat(session.consents()).containsExactly("terms@2024-05", "privacy@2024-05");
        }

        @Test
        void shortTextCountsAsRead() {
            vm.fitsWithoutScrolling();
            vm.agreedProperty().set(true);
            assertThat(vm.canAdvance().get()).isTrue();
        }
    }

    @Nested
    class Insurer {
        @TempDir
        Path dir;

        @Test
        void typoAndNotServedAreDifferentMessagesAndTheInputIsKept() {
            KioskConfig config = TestConfigs.demo(dir);
            KioskSession session = session();
            InsurerViewModel vm = new InsurerViewModel(config, session);
            assertThat(vm.canAdvance().get()).isFalse();

            vm.numberProperty().set("01130013");
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("insurer.error.checkDigit"));
            assertThat(vm.numberProperty().get()).isEqualTo("01130013");

            vm.numberProperty().set("123455");
            assertThat(vm.messageProperty().get()).as("typing clears the message").isNull();
            assertThat(goesOn(vm)).isFalse();
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of(InsurerViewModel.NOT_SERVED));
            assertThat(session.insurerNumber()).isNull();

            vm.numberProperty().set("０１１３００１２");
            assertThat(goesOn(vm)).isTrue();
            assertThat(session.insurerNumber().digits()).isEqualTo("01130012");
            assertThat(session.facts().medicalOffered()).isTrue();

            vm.numberProperty().set("133033");
            assertThat(goesOn(vm)).isTrue();
            assertThat(session.facts().medicalOffered()).isFalse();
        }

        @Test
        void comingBackShowsTheNumberGiven() {
            KioskConfig config = TestConfigs.demo(dir);
            KioskSession session = session();
            InsurerViewModel first = new InsurerViewModel(config, session);
            first.numberProperty().set("133033");
            goesOn(first);
            assertThat(new InsurerViewModel(config, session).numberProperty().get()).isEqualTo("133033");
        }
    }

    @Nested
    class StaffPin {
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
        final StaffGate gate = new StaffGate(SlowHash.hash("2468".toCharArray(), new SeededRandom(2), 50), 2,
                Duration.ofMinutes(5), 4, clock, new jp.kenpo.kiosk.store.InMemoryRepositories.Settings(),
                new jp.kenpo.kiosk.store.InMemoryRepositories.Audit(clock));
        final StaffPinViewModel vm = new StaffPinViewModel(gate, Runnable::run, Runnable::run);

        @Test
        void rightPinUnlocksAndClearsTheField() {
            AtomicBoolean unlocked = new AtomicBoolean();
            vm.pinProperty().set("2468");
            vm.submit(() -> unlocked.set(true));
            assertThat(unlocked).isTrue();
            assertThat(vm.pinProperty().get()).isEmpty();
            assertThat(vm.messageProperty().get()).isNull();
        }

        @Test
        void wrongPinsShowAttemptsLeftThenTheLock() {
            AtomicBoolean unlocked = new AtomicBoolean();
            assertThat(vm.canSubmit().get()).isFalse();
            vm.pinProperty().set("1111");
            vm.submit(() -> unlocked.set(true));
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("staff.pin.wrong", 1));
            vm.pinProperty().set("1111");
            vm.submit(() -> unlocked.set(true));
            assertThat(vm.messageProperty().get()).isEqualTo(Message.of("staff.pin.locked", 5L));
            vm.pinProperty().set("2468");
            vm.submit(() -> unlocked.set(true));
            assertThat(unlocked).isFalse();
        }
    }

    @Nested
    class Staff {
        @TempDir
        Path dir;

        @Test
        void auditLinesNewestFirst() {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
            var audit = new jp.kenpo.kiosk.store.InMemoryRepositories.Audit(clock);
            audit.record("staff", "staff-unlock", null);
            audit.record("staff", "retry-now", "3");
            var summary = new jp.kenpo.kiosk.core.port.RegistrationOutbox.Summary(3, 1, Instant.EPOCH, 1234,
                    java.util.List.of(new jp.kenpo.kiosk.core.port.RegistrationOutbox.Attention("K07-0002", Instant.EPOCH, 1,
                            jp.kenpo.kiosk.core.port.DeliveryReason.EMAIL_IN_USE, "409 email_in_use")));
            int[] sent = {0};
            var queue = new jp.kenpo.kiosk.core.port.CentralSync() {
                @Override
                public boolean resend(String receiptNumber) {
                    return false;
                }

                @Override
                public boolean erase(String receiptNumber) {
                    return false;
                }

                @Override
                public jp.kenpo.kiosk.core.port.RegistrationOutbox.Summary summary() {
                    return sent[0] == 0 ? summary : new jp.kenpo.kiosk.core.port.RegistrationOutbox.Summary(0, 1,
                            null, 100, summary.attention());
                }

                @Override
                public java.util.Optional<Instant> lastContact() {
                    return sent[0] == 0 ? java.util.Optional.empty() : java.util.Optional.of(clock.instant());
                }

                @Override
                public java.util.concurrent.CompletableFuture<Void> sendNow() {
                    sent[0]++;
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }

                @Override
                public java.util.Optional<Instant> rosterPulledAt() {
                    return sent[0] < 2 ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse("2026-11-22T03:30:00Z"));
                }

                @Override
                public java.util.concurrent.CompletableFuture<Long> pullRosterNow() {
                    sent[0]++;
                    return sent[0] == 2 ? java.util.concurrent.CompletableFuture.completedFuture(7L)
                            : java.util.concurrent.CompletableFuture.failedFuture(new java.io.IOException("down"));
                }
            };
            jp.kenpo.kiosk.ui.staff.StaffViewModel vm = new jp.kenpo.kiosk.ui.staff.StaffViewModel(
                    TestConfigs.demo(dir), audit, queue, clock);
            assertThat(vm.kioskId()).isEqualTo("K07");
            assertThat(vm.recentProperty().get()).isEmpty();
            assertThat(vm.queueProperty().get()).as("not read yet").isNull();
            vm.load(8, Runnable::run, Runnable::run);
            assertThat(vm.recentProperty().get()).containsExactly(
                    "2026-11-22T01:00:00Z  staff  retry-now  3", "2026-11-22T01:00:00Z  staff  staff-unlock");
            var q = vm.queueProperty().get();
            assertThat(q.waiting()).isEqualTo(3);
            assertThat(q.needsAttention()).isEqualTo(1);
            assertThat(q.attention()).containsExactly(new jp.kenpo.kiosk.ui.staff.StaffViewModel.Attention(
                    "K07-0002", "staff.queue.reason.emailInUse", "409 email_in_use"));
            assertThat(q.lastContact()).as("no contact yet").isNull();

            vm.sendNow(Runnable::run, Runnable::run);
            assertThat(sent[0]).isEqualTo(1);
            assertThat(vm.sendingProperty().get()).isFalse();
            assertThat(vm.queueProperty().get().waiting()).as("read again after the pass").isZero();
            assertThat(vm.queueProperty().get().lastContact()).isEqualTo("2026-11-22 10:00"); // Tokyo time
            assertThat(audit.recent(1).get(0).action()).isEqualTo("send-now");
            assertThat(vm.queueProperty().get().rosterPulledAt()).isNull();

            vm.pullRoster(Runnable::run, Runnable::run);
            assertThat(vm.rosterMessageProperty().get()).isEqualTo(jp.kenpo.kiosk.ui.common.Message.of("staff.roster.pulled", 7L));
            assertThat(vm.queueProperty().get().rosterPulledAt()).isEqualTo("2026-11-22 12:30");
            vm.pullRoster(Runnable::run, Runnable::run);
            assertThat(vm.rosterMessageProperty().get()).isEqualTo(jp.kenpo.kiosk.ui.common.Message.of("staff.roster.failed"));
            assertThat(vm.sendingProperty().get()).isFalse();
        }
    }

    @Nested
    class Welcome {
        @TempDir
        Path dir;

        @Test
        void showsTheUnionsInTheChosenLanguage() {
            WelcomeViewModel vm = new WelcomeViewModel(TestConfigs.demo(dir));
            assertThat(vm.unionNames(I18n.JAPANESE)).isEqualTo("デモ健康保険組合\nサンプル共済組合");
            assertThat(vm.unionNames(I18n.ENGLISH)).startsWith("Demo Health Insurance Society");
            assertThat(vm.demo()).isTrue();
        }
    }
}
