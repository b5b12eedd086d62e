package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Map;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.TestConfigs;
import jp.kenpo.kiosk.testing.Unsealer;

/**
 * The whole journey on the shipped demo configuration, as the README's first command starts it:
 * the on-screen keyboards and the demo's virtual camera (the synthetic licence, the rendered
 * synthetic head at every pose the random instruction can ask): membership, account, email code,
 * My Number card, frontal face, the drawn second angle, secret question, confirmation, submit,
 * receipt; the sealed registration is in the outbox and the session is wiped.
 */
class EndToEndUiTest extends KioskFxHarness {

    @Override
    protected KioskConfig config(Path dataDir) {
        return TestConfigs.demo(dataDir); // as shipped: the demo camera's own pictures
    }

    @Test
    void fromWelcomeToReceipt() throws Exception {
        toAccount();
        fillAccount("kenkou.taro@example.jp");
        verifyEmail();
        String instruction = photographAndSetTheSecretQuestion();
        assertThat(lookup("#confirm-email").queryAs(Label.class).getText()).isEqualTo("ke***@example.jp");
        assertThat(lookup("#confirm-password").queryAs(Label.class).getText()).isEqualTo("（表示しません）");
        assertThat(lookup("#confirm-secretAnswer").queryAs(Label.class).getText()).isEqualTo("（表示しません）");
        KioskSession session = shell.session().orElseThrow();

        clickOn("#submit");
        waitFor("#screen-done", 10);
        assertThat(lookup("#receiptNumber").queryAs(Label.class).getText()).isEqualTo("K07-0001");
        assertThat(lookup(".screen-title").queryAs(Label.class).getText()).isEqualTo("申請を受け付けました");

        byte[] envelope;
        try (Connection c = kiosk.database().connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT receipt_number, sealed FROM outbox")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("K07-0001");
            envelope = rs.getBytes(2);
            assertThat(rs.next()).isFalse();
        }
        JsonNode r = Unsealer.open(envelope);
        // What was typed, as the union's card rules normalise it (symbol to 3, number to 6 digits).
        assertThat(r.get("insurerNumber").asText()).isEqualTo("01130012");
        assertThat(r.get("card").get("symbol").asText()).isEqualTo("091");
        assertThat(r.get("card").get("number").asText()).isEqualTo("200001");
        assertThat(r.get("card").get("branch").asText()).isEqualTo("01");
        assertThat(r.get("member").get("birthDate").asText()).isEqualTo("1956-04-01");
        assertThat(r.get("member").get("memberType").asText()).isEqualTo("insured");
        assertThat(r.get("account").get("consents")).extracting(JsonNode::asText)
                .containsExactly("terms@2024-05", "privacy@2024-05", "points@2024-05");
        assertThat(r.get("member").get("kanaName").asText()).isEqualTo("ケンコウ　タロウ");
        assertThat(r.get("medicalAccess").get("livenessPassed").asBoolean()).isTrue();
        assertThat(r.get("medicalAccess").get("faces")).hasSize(2);
        assertThat(r.get("medicalAccess").get("faces").toString()).contains("frontal_mouth_closed");
        assertThat(instruction).isNotBlank();

        clickOn("#done-finish");
        assertScreen("screen-welcome");
        assertThat(shell.session()).isEmpty();
        assertThat(session.isWiped()).isTrue();
        assertWiped(session);

        // Staff see that one registration waits to be sent (this test runs no central service).
        openPinPad();
        keypad("1234");
        clickOn("#pin-ok");
        waitFor("#screen-staff", 10);
        waitForText("#staff-queue", "送信待ち 1 件・係員の確認が必要 0 件");
    }

    /** Every field of the session is empty, the fields of its parts (account, pictures) included. */
    private static void assertWiped(Object holder) throws IllegalAccessException {
        for (Field f : holder.getClass().getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(holder);
            if (v != null && v.getClass().getPackageName().equals(KioskSession.class.getPackageName())
                    && !v.getClass().isEnum() && !v.getClass().isRecord()) {
                assertWiped(v); // a part of the session
                continue;
            }
            boolean empty = v == null || v instanceof Boolean b && (!b || f.getName().equals("wiped"))
                    || v instanceof Number n && n.longValue() == 0
                    || v instanceof Collection<?> c && c.isEmpty() || v instanceof Map<?, ?> m && m.isEmpty()
                    || f.getName().equals("entry");
            assertThat(empty).as("%s after the session = %s", f.getName(), v).isTrue();
        }
    }
}
