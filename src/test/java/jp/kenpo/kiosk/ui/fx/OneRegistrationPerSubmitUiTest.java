package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testfx.util.WaitForAsyncUtils;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * 「この内容で認証する」 with 戻る and 中止 hammered right after it, at delays of 0–4 ms, many times
 * over, with pictures of a megabyte each — checked on the real SQLite outbox: each press queues
 * zero or one registration, one exactly when the member is shown its receipt, and every one queued
 * is the member's whole registration (no picture zeroed by a wipe); nothing throws and nothing is
 * logged as an error.
 */
class OneRegistrationPerSubmitUiTest extends KioskFxHarness {

    private static final int ATTEMPTS = 60;
    private static final int PICTURE_BYTES = 1 << 20;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler fxHandler;

    @BeforeEach
    void watch() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        interact(() -> {
            fxHandler = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        });
    }

    @AfterEach
    void unwatch() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        interact(() -> Thread.currentThread().setUncaughtExceptionHandler(fxHandler));
    }

    private static byte[] picture(int attempt, int which) {
        byte[] b = new byte[PICTURE_BYTES];
        new Random(attempt * 10L + which).nextBytes(b);
        return b;
    }

    /** The receipt numbers in the outbox, oldest first. */
    private List<String> receipts() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = kiosk.database().connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT receipt_number FROM outbox ORDER BY receipt_number")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private byte[] sealed(String receipt) throws Exception {
        try (Connection c = kiosk.database().connect();
             var st = c.prepareStatement("SELECT sealed FROM outbox WHERE receipt_number = ?")) {
            st.setString(1, receipt);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    /**
     * Waits until the kiosk's background work queued so far is done (both of its threads free at
     * once) and the answers it sent to the JavaFX thread have been handled.
     */
    private void settle() throws Exception {
        for (int round = 0; round < 2; round++) {
            CyclicBarrier bothFree = new CyclicBarrier(3);
            for (int i = 0; i < 2; i++) {
                kiosk.services().background().execute(() -> {
                    try {
                        bothFree.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        thrown.add(e);
                    }
                });
            }
            bothFree.await(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents(3);
        }
    }

    private void press(String id) {
        lookup(id).tryQuery().filter(n -> n instanceof Button && n.getScene() != null)
                .ifPresent(n -> ((Button) n).fire());
    }

    @Test
    void backAndCancelHammeredDuringTheSubmitQueueNoneOrOneWholeRegistration() throws Exception {
        int queuedUnseen = 0;
        int extra = 0;
        int damaged = 0;
        int receiptsShown = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int a = attempt;
            resumeAt(Step.CONFIRM, s -> {
                s.person("ケンコウ　タロウ" + a, java.time.LocalDate.of(1956, 4, 1));
                s.document(DocumentType.MY_NUMBER_CARD);
                s.documentImage(KioskSession.Side.FRONT, picture(a, 0));
                s.faceImage("frontal_mouth_closed", picture(a, 1));
                s.faceImage("left_mouth_open", picture(a, 2));
                s.livenessPassed(true);
                s.secretQuestion("スキナイロ", true, "$pbkdf2-sha256$i=310000,l=32$AAAA$BBBB");
            });
            assertScreen("screen-confirm");
            int before = receipts().size();

            interact(() -> press("#submit"));
            long delayMs = attempt % 5;
            // 戻る once, 中止 three times, or both in turn three times.
            List<String> hits = switch (attempt % 3) {
                case 0 -> List.of("#back");
                case 1 -> List.of("#cancel", "#cancel-confirm");
                default -> List.of("#back", "#cancel", "#cancel-confirm");
            };
            for (int hit = 0; hit < (attempt % 3 == 0 ? 1 : 3); hit++) {
                Thread.sleep(delayMs);
                Platform.runLater(() -> hits.forEach(this::press));
            }
            settle();
            if (present("#screen-confirm")) {
                // Sent back to the confirmation by a late answer: a member would press submit again.
                interact(() -> press("#submit"));
                settle();
            }

            List<String> rows = receipts();
            int added = rows.size() - before;
            boolean receiptShown = present("#screen-done");
            if (receiptShown) {
                receiptsShown++;
                assertThat(lookup("#receiptNumber").queryAs(Label.class).getText())
                        .isEqualTo(rows.get(rows.size() - 1));
            } else if (added > 0) {
                queuedUnseen++;
            }
            if (added > 1) {
                extra += added - 1;
            }
            for (String receipt : rows.subList(before, rows.size())) {
                JsonNode r = Unsealer.open(sealed(receipt));
                JsonNode media = r.get("medicalAccess");
                boolean whole = r.get("member").get("kanaName").asText().equals("ケンコウ　タロウ" + a)
                        && media != null
                        && java.util.Arrays.equals(decode(media.get("document").get("images").get(0)), picture(a, 0))
                        && java.util.Arrays.equals(decode(media.get("faces").get(0)), picture(a, 1))
                        && java.util.Arrays.equals(decode(media.get("faces").get(1)), picture(a, 2));
                if (!whole) {
                    damaged++;
                }
            }
            fx(() -> shell.home("next attempt"));
        }

        List<String> errors = logs.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(new int[] {queuedUnseen, extra, damaged})
                .as("registrations queued without the member seeing a receipt / second registrations / damaged ones")
                .containsExactly(0, 0, 0);
        assertThat(thrown).as("exceptions on the JavaFX thread").isEmpty();
        assertThat(errors).as("errors logged").isEmpty();
        assertThat(receiptsShown).as("the submit, once pressed, always ends with the receipt").isEqualTo(ATTEMPTS);
    }

    private static byte[] decode(JsonNode image) {
        return Base64.getDecoder().decode(image.get("data").asText());
    }
}
