package jp.kenpo.kiosk.mail;

import static jp.kenpo.kiosk.testing.Steps.goesOn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.kenpo.kiosk.core.config.LocalizedText;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;
import jp.kenpo.kiosk.testing.MutableClock;
import jp.kenpo.kiosk.testing.SeededRandom;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.emailcode.EmailCodeViewModel;
import jp.kenpo.kiosk.ui.emailcode.EmailCodeViewModel.State;

/** The one-time code over a real SMTP server (GreenMail on loopback), end to end below the screen. */
class EmailVerificationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final LocalizedText UNION = new LocalizedText("デモ健康保険組合", "Demo Health Insurance Society");
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private KioskSession session;

    @BeforeEach
    void setUp() {
        session = new KioskSession(new SessionId("t"), clock.instant());
        session.account("kenkou.taro@example.jp", "Midori7!s".toCharArray(), null);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private EmailCodeViewModel vm(int port, int timeoutSeconds, Locale lang) {
        OtpMailer mailer = new OtpMailer(new SmtpMailSender(TestConfigs.smtp(port, timeoutSeconds), clock));
        return new EmailCodeViewModel(session, clock, new SeededRandom(9), mailer, UNION, () -> lang, Runnable::run,
                Runnable::run);
    }

    private EmailCodeViewModel vm() {
        return vm(SMTP.getSmtp().getPort(), 10, Locale.JAPANESE);
    }

    private MimeMessage lastMail(int count) {
        assertThat(SMTP.waitForIncomingEmail(5000, count)).isTrue();
        MimeMessage[] all = SMTP.getReceivedMessages();
        return all[all.length - 1];
    }

    private static String codeIn(MimeMessage m) throws Exception {
        Matcher matcher = CODE.matcher((String) m.getContent());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void theCodeArrivesInJapaneseAndIsAccepted() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(State.SENT);
        MimeMessage m = lastMail(1);
        assertThat(m.getSubject()).isEqualTo("【デモ健康保険組合】メールアドレス確認のワンタイムパスワード");
        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(m.getAllRecipients()[0]).hasToString("kenkou.taro@example.jp");
        String body = (String) m.getContent();
        assertThat(body).contains("10分間", "心当たりがない場合", "デモ健康保険組合");
        assertThat(vm.secondsLeftProperty().get()).isEqualTo(600);
        assertThat(vm.maskedEmail()).isEqualTo("ke***@example.jp");

        vm.codeProperty().set(codeIn(m));
        assertThat(vm.canAdvance().get()).isTrue();
        assertThat(goesOn(vm)).isTrue();
        assertThat(session.emailVerified()).isTrue();
    }

    /** 戻る from a later screen to the account and 次へ again with the same address: no dead end. */
    @Test
    void backAgainWithTheConfirmedAddressGoesOnWithoutANewCode() throws Exception {
        EmailCodeViewModel first = vm();
        first.start();
        first.codeProperty().set(codeIn(lastMail(1)));
        assertThat(goesOn(first)).isTrue();

        EmailCodeViewModel again = vm();
        again.start();

        assertThat(again.stateProperty().get()).isEqualTo(State.VERIFIED);
        assertThat(again.canAdvance().get()).as("次へ is offered").isTrue();
        assertThat(goesOn(again)).isTrue();
        assertThat(SMTP.getReceivedMessages()).as("no second mail").hasSize(1);
    }

    /** 中止 while the mail is on its way: the answer finds the session wiped and writes nothing back. */
    @Test
    void anAnswerAfterTheWipeLeavesTheSessionEmpty() throws Exception {
        java.util.List<Runnable> answers = new java.util.ArrayList<>();
        OtpMailer mailer = new OtpMailer(new SmtpMailSender(TestConfigs.smtp(SMTP.getSmtp().getPort(), 10), clock));
        EmailCodeViewModel vm = new EmailCodeViewModel(session, clock, new SeededRandom(9), mailer, UNION,
                () -> Locale.JAPANESE, Runnable::run, answers::add);
        vm.start();
        lastMail(1);

        session.wipe();
        answers.forEach(Runnable::run);

        assertThat(answers).hasSize(1);
        assertThat(session.codeSentTo()).isNull();
        assertThat(vm.stateProperty().get()).isEqualTo(State.SENDING);
    }

    @Test
    void englishMail() throws Exception {
        vm(SMTP.getSmtp().getPort(), 10, Locale.ENGLISH).start();
        MimeMessage m = lastMail(1);
        assertThat(m.getSubject()).isEqualTo("[Demo Health Insurance Society] One-time code to confirm your email address");
        assertThat((String) m.getContent()).contains("valid for 10 minutes", "did not ask for this mail");
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeft() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        String code = codeIn(lastMail(1));
        vm.codeProperty().set(code.equals("111111") ? "222222" : "111111");
        assertThat(goesOn(vm)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("otp.error.wrong", 4));
        assertThat(session.emailVerified()).isFalse();
    }

    @Test
    void anExpiredCodeIsRefused() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        String code = codeIn(lastMail(1));
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        vm.tick();
        assertThat(vm.secondsLeftProperty().get()).isZero();
        vm.codeProperty().set(code);
        assertThat(goesOn(vm)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("otp.error.expired"));
    }

    @Test
    void resendWaitsOutTheCooldownAndInvalidatesTheFirstCode() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        String first = codeIn(lastMail(1));
        assertThat(vm.canResend().get()).isFalse();
        assertThat(vm.resendWaitProperty().get()).isEqualTo(60);
        vm.resend();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        vm.tick();
        assertThat(vm.canResend().get()).isTrue();
        vm.resend();
        String second = codeIn(lastMail(2));
        if (!first.equals(second)) {
            vm.codeProperty().set(first);
            assertThat(goesOn(vm)).isFalse();
        }
        vm.codeProperty().set(second);
        assertThat(goesOn(vm)).isTrue();
    }

    @Test
    void fiveWrongEntriesLockTheCode() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        String code = codeIn(lastMail(1));
        String wrong = code.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            vm.codeProperty().set(wrong);
            goesOn(vm);
        }
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("otp.error.locked"));
        vm.codeProperty().set(code);
        assertThat(goesOn(vm)).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("otp.error.locked"));
    }

    @Test
    void serverDownOffersTheUnverifiedPath() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        EmailCodeViewModel vm = vm(closed, 10, Locale.JAPANESE);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(State.SEND_FAILED);
        assertThat(vm.messageProperty().get()).isEqualTo(Message.of("otp.error.sendFailed"));
        assertThat(vm.canAdvance().get()).isFalse();
        assertThat(vm.canResend().get()).as("trying again is allowed").isTrue();
        vm.continueUnverified();
        assertThat(session.emailVerified()).isFalse();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept()); // accepts, then says nothing at all
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            acceptor.start();
            EmailCodeViewModel vm = vm(silent.getLocalPort(), 1, Locale.JAPANESE);
            long start = System.nanoTime();
            vm.start();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(vm.stateProperty().get()).isEqualTo(State.SEND_FAILED);
            assertThat(ms).as("bounded by the 1 s read timeout").isLessThan(5_000);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void theCodeAndTheAddressAreNeverLogged() throws Exception {
        EmailCodeViewModel vm = vm();
        vm.start();
        String code = codeIn(lastMail(1));
        vm.codeProperty().set(code);
        goesOn(vm);
        // The kiosk's own log lines (the test mail server logs for itself).
        List<ILoggingEvent> kiosk = logs.list.stream().filter(e -> e.getLoggerName().startsWith("jp.kenpo")).toList();
        assertThat(kiosk).extracting(ILoggingEvent::getFormattedMessage)
                .contains("one-time code mail handed over", "email verified with the one-time code");
        assertThat(kiosk).noneMatch(e -> e.getFormattedMessage().contains(code));
        assertThat(kiosk).noneMatch(e -> e.getFormattedMessage().contains("kenkou.taro"));
    }

    /**
     * A mail server that refuses the recipient as real ones do — quoting the address, over two reply
     * lines — and whose second line would pass for a log line of its own.
     */
    @Test
    void aRefusedRecipientIsLoggedWithoutTheAddressOnOneLine() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread smtp = new Thread(() -> refuseRecipient(server), "refusing-smtp");
            smtp.setDaemon(true);
            smtp.start();
            EmailCodeViewModel vm = vm(server.getLocalPort(), 5, Locale.JAPANESE);
            vm.start();
            assertThat(vm.stateProperty().get()).isEqualTo(State.SEND_FAILED);
            smtp.join(5000);
        }
        List<String> kiosk = logs.list.stream().filter(e -> e.getLoggerName().startsWith("jp.kenpo"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(kiosk).anySatisfy(m -> assertThat(m).contains("one-time code mail not sent", "550"));
        assertThat(kiosk).noneMatch(m -> m.contains("kenkou.taro") || m.contains("example.jp"));
        assertThat(kiosk).noneMatch(m -> m.contains("\n") || m.contains("\r"));
    }

    private static void refuseRecipient(ServerSocket server) {
        try (Socket s = server.accept();
             java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                     java.nio.charset.StandardCharsets.US_ASCII));
             java.io.Writer out = new java.io.OutputStreamWriter(s.getOutputStream(),
                     java.nio.charset.StandardCharsets.US_ASCII)) {
            out.write("220 refusing.test ESMTP\r\n");
            out.flush();
            for (String line; (line = in.readLine()) != null; ) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    out.write("250 refusing.test\r\n");
                } else if (command.startsWith("RCPT")) {
                    out.write("550-5.1.1 <kenkou.taro@example.jp>: Recipient address rejected: User unknown\r\n"
                            + "550 5.1.1 2026-11-22 01:00:00,000 INFO  [kiosk] Shell - session ended (finished)\r\n");
                } else if (command.startsWith("QUIT")) {
                    out.write("221 bye\r\n");
                    out.flush();
                    return;
                } else {
                    out.write("250 OK\r\n");
                }
                out.flush();
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Test
    void demoFolderWritesAReadableEmlFile(@TempDir Path dir) throws Exception {
        OtpMailer mailer = new OtpMailer(new FolderMailSender(dir.resolve("mail"), "no-reply@demo.kenpo.example", clock));
        mailer.sendCode("kenkou.taro@example.jp", "482913", UNION, Locale.JAPANESE);
        List<Path> files;
        try (var list = Files.list(dir.resolve("mail"))) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).toString()).endsWith(".eml");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
            assertThat(m.getSubject()).contains("ワンタイムパスワード");
            assertThat((String) m.getContent()).contains("482913");
        }
    }
}
