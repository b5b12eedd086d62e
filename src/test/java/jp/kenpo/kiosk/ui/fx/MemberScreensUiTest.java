package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.pictures.CardPicture;

/**
 * Welcome → consent → insurer → card → basic info → confirm → eligible → account, typed on the
 * kiosk's own keyboards only (no text written into fields), and the error paths of each screen.
 */
class MemberScreensUiTest extends KioskFxHarness {

    private String text(String id) {
        return lookup(id).queryAs(TextInputControl.class).getText();
    }

    private String message() {
        return lookup("#message").queryAs(Label.class).getText();
    }

    @Test
    void theWholeWayToTheAccountOnTheKeyboards() {
        toCard();
        card("91", "200001", "1");
        clickOn("#next");

        assertScreen("screen-basic-info");
        basicInfo("ケンコウ　タロウ", "showa", "31", "4", "1");
        assertThat(text("#kanaName")).isEqualTo("ケンコウ　タロウ");
        clickOn("#next");

        assertScreen("screen-basic-confirm");
        assertThat(lookup("#confirm-name").queryAs(Label.class).getText()).isEqualTo("ケンコウ　タロウ");
        assertThat(lookup("#confirm-symbol").queryAs(Label.class).getText()).isEqualTo("091");
        assertThat(lookup("#confirm-branch").queryAs(Label.class).getText()).isEqualTo("01");
        assertThat(lookup("#confirm-birthDate").queryAs(Label.class).getText()).isEqualTo("昭和31年4月1日（1956年）");
        assertThat(lookup("#next").queryButton().getText()).isEqualTo("この内容で本人確認する");
        clickOn("#next");

        assertScreen("screen-eligibility");
        waitForText("#eligibility-result", "保険証の確認ができました");
        clickOn("#next");

        assertScreen("screen-account");
        clickOn("#email");
        keys("k", "e", "n", "k", "o", "u", "dot", "t", "a", "r", "o", "at", "e", "x", "a", "m", "p", "l", "e",
                "ending-jp");
        assertThat(text("#email")).isEqualTo("kenkou.taro@example.jp");
        clickOn("#emailConfirm");
        keys("k", "e", "n", "k", "o", "u", "dot", "t", "a", "r", "o", "at", "e", "x", "a", "m", "p", "l", "e",
                "ending-jp");
        clickOn("#password");
        keys("shift", "m", "i", "d", "o", "r", "i", "7", "bang", "s");
        assertThat(rule("LENGTH")).startsWith("✔");
        assertThat(rule("TWO_KINDS")).startsWith("✔");
        clickOn("#password-show");
        assertThat(lookup("#password-visible").queryAs(TextField.class).getText()).isEqualTo("Midori7!s");
        assertThat(lookup("#next").queryButton().isDisabled()).isFalse();
        clickOn("#next");

        KioskSession s = shell.session().orElseThrow();
        assertThat(s.email()).isEqualTo("kenkou.taro@example.jp");
        assertThat(new String(s.password())).isEqualTo("Midori7!s");
        assertThat(s.cardSymbol()).isEqualTo("091");
        assertThat(s.cardNumber()).isEqualTo("200001");
        assertThat(s.memberType()).isEqualTo(MemberType.INSURED);
        assertThat(s.birthDate()).hasToString("1956-04-01");
        assertScreen("screen-email-code");
    }

    private String rule(String name) {
        return lookup("#password-rule-" + name).queryAs(Label.class).getText();
    }

    @Test
    void cardErrorsKeepWhatWasTyped() {
        toCard();
        assertThat(lookup("#next").queryButton().isDisabled()).as("nothing chosen yet").isTrue();
        card("1234", "200001", "1");
        clickOn("#next");
        assertScreen("screen-card");
        assertThat(message()).contains("記号のけた数が多すぎます");
        assertThat(text("#cardSymbol")).isEqualTo("1234");
        assertThat(text("#cardNumber")).isEqualTo("200001");
        clickOn("#cardBranch");
        keypad("23");
        clickOn("#cardSymbol");
        clickOn("#key-delete");
        clickOn("#next");
        assertThat(message()).contains("枝番は2けたまで");
    }

    /** The card pictures mark 保険者番号, then the 記号・番号 field the member is at, and the wrong one. */
    @Test
    void theCardPictureMarksTheFieldAsked() {
        toInsurer();
        CardPicture insurerCard = lookup(".card-picture").queryAs(CardPicture.class);
        assertThat(insurerCard.highlighted()).isEqualTo(CardPicture.Spot.INSURER_NUMBER);
        assertThat(insurerCard.getAccessibleText()).isEqualTo("保険証の下のほうにある保険者番号の場所");
        keypad("01130012");
        clickOn("#next");
        readAndAgree(); // the demo union's points terms
        clickOn("#next");
        assertScreen("screen-card");
        CardPicture card = lookup(".card-picture").queryAs(CardPicture.class);
        assertThat(card.highlighted()).as("the first field").isEqualTo(CardPicture.Spot.SYMBOL);
        clickOn("#cardNumber");
        assertThat(card.highlighted()).isEqualTo(CardPicture.Spot.NUMBER);
        assertThat(card.getAccessibleText()).isEqualTo("保険証の上のほうにある番号の場所");
        clickOn("#cardBranch");
        assertThat(card.highlighted()).isEqualTo(CardPicture.Spot.BRANCH);
        card("1234", "200001", "1");
        clickOn("#next");
        assertThat(message()).contains("記号のけた数が多すぎます");
        assertThat(card.highlighted()).as("the wrong field").isEqualTo(CardPicture.Spot.SYMBOL);
    }

    @Test
    void basicInfoErrors() {
        toCard();
        card("91", "200001", "1");
        clickOn("#next");
        // Voiced and small kana from the 濁点 and 小 keys.
        clickOn("#kanaName");
        kana("カ");
        clickOn("#key-dakuten");
        kana("ツ");
        clickOn("#key-small");
        kana("コウ");
        assertThat(text("#kanaName")).isEqualTo("ガッコウ");
        clickOn("#key-clear");

        basicInfo("ケンコウ　タロウ", "heisei", "31", "5", "1");
        clickOn("#next");
        assertThat(message()).isEqualTo("平成31年5月1日は、令和元年5月1日です。年号をお確かめください。");
        assertThat(text("#birthYear")).isEqualTo("31");

        clickOn("#birthEra-reiwa");
        clickOn("#birthYear");
        clickOn("#key-clear");
        keypad("9");
        clickOn("#next");
        assertThat(message()).contains("今日より後");

        clickOn("#birthEra-showa");
        clickOn("#birthYear");
        clickOn("#key-clear");
        keypad("31");
        clickOn("#birthMonth");
        clickOn("#key-clear");
        keypad("2");
        clickOn("#birthDay");
        clickOn("#key-clear");
        keypad("30");
        clickOn("#next");
        assertThat(message()).contains("この日付はありません");
        assertThat(text("#kanaName")).isEqualTo("ケンコウ　タロウ");
    }

    /** Card and person as given, then the roster's answer. */
    private void askRoster(String symbol, String number, String branch, String name, String era, String y, String m,
                           String d, String expectedHeadline) {
        card(symbol, number, branch);
        clickOn("#next");
        basicInfo(name, era, y, m, d);
        clickOn("#next");
        clickOn("#next");
        waitForText("#eligibility-result", expectedHeadline);
    }

    @Test
    void eligibilityGuidanceAndTheWayBack() {
        toCard();
        askRoster("91", "200009", "1", "ケンコウ　タロウ", "showa", "31", "4", "1", "保険証の情報が見つかりませんでした");
        assertThat(message()).contains("1〜2か月", "入力内容に誤り", "異動や再発行", "最近ご加入");
        assertThat(lookup("#next").queryButton().isVisible()).isFalse();

        clickOn("#eligibility-fix");
        assertScreen("screen-basic-confirm");
        clickOn("#back");
        clickOn("#back");
        assertScreen("screen-card");
        assertThat(text("#cardNumber")).isEqualTo("200009");
        clickOn("#cardNumber");
        clickOn("#key-delete");
        keypad("1");
        clickOn("#next");
        clickOn("#next");
        clickOn("#next");
        waitForText("#eligibility-result", "保険証の確認ができました");
    }

    @Test
    void mismatchAndAlreadyVerified() {
        toCard();
        askRoster("91", "200001", "1", "ケンコウ　タロウ", "showa", "31", "4", "2", "入力内容が保険証の情報と一致しません");
        // Nothing of the roster shows: only what the member typed is on screen.
        assertThat(message()).doesNotContain("1956", "4月1日");
        clickOn("#eligibility-home");
        assertScreen("screen-welcome");

        toCard();
        askRoster("7", "88", "", "タナカ　ミドリ", "showa", "36", "6", "30", "この保険証はすでに登録されています");
        assertThat(message()).contains("1回", "ログイン");
        assertThat(lookup("#eligibility-fix").query().isVisible()).isFalse();
    }

    @Test
    void accountErrors() {
        toAccount();

        clickOn("#email");
        keys("t", "a", "r", "o", "at", "e", "x", "a", "m", "p", "l", "e", "ending-jp");
        clickOn("#emailConfirm");
        keys("t", "a", "r", "o", "at", "e", "x", "a", "m", "p", "l", "e", "ending-com");
        clickOn("#password");
        keys("k", "i", "k", "u", "1", "2", "3");
        assertThat(rule("NO_SEQUENCE")).startsWith("□");
        assertThat(lookup("#next").queryButton().isDisabled()).isTrue();
        clickOn("#key-delete");
        clickOn("#key-delete");
        keys("9", "bang");
        assertThat(rule("NO_SEQUENCE")).startsWith("✔");
        clickOn("#next");
        assertThat(message()).contains("確認用のメールアドレスが一致しません");
        assertThat(text("#emailConfirm")).isEqualTo("taro@example.com");

        // Paste into the confirmation is refused (a physical keyboard's Ctrl+V).
        clickOn("#emailConfirm");
        clickOn("#key-clear");
        interact(() -> {
            javafx.scene.input.Clipboard cb = javafx.scene.input.Clipboard.getSystemClipboard();
            javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
            c.putString("taro@example.jp");
            cb.setContent(c);
        });
        press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        assertThat(text("#emailConfirm")).isEmpty();
        clickOn("#email");
        press(KeyCode.CONTROL).press(KeyCode.V).release(KeyCode.V).release(KeyCode.CONTROL);
        assertThat(text("#email")).as("the first field takes a paste").endsWith("taro@example.jp");
    }

    /**
     * What a member typed does not outlive their session: member fields offer no copy/paste menu, and
     * whatever was put on the clipboard is gone once the session ends.
     */
    @Test
    void noCopyMenuOnMemberFieldsAndTheClipboardIsClearedWhenTheSessionEnds() {
        resumeAt(jp.kenpo.kiosk.core.flow.Step.ACCOUNT, s -> {
        });
        assertScreen("screen-account");
        clickOn("#email");
        keys("t", "a", "r", "o");

        for (String field : new String[] {"#email", "#emailConfirm", "#password"}) {
            askForContextMenu(field);
            assertThat(javafx.stage.Window.getWindows()).as(field)
                    .noneMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing());
        }

        interact(() -> {
            lookup("#email").queryAs(javafx.scene.control.TextField.class).selectAll();
            lookup("#email").queryAs(javafx.scene.control.TextField.class).copy();
        });
        assertThat(clipboardText()).isEqualTo("kenkou.taro@example.jptaro");

        clickOn("#cancel");
        clickOn("#cancel-confirm");
        assertScreen("screen-welcome");
        assertThat(clipboardText()).isNull();
    }

    /** What a right click or a long press asks of a field. */
    private void askForContextMenu(String query) {
        javafx.scene.Node field = lookup(query).query();
        interact(() -> {
            javafx.geometry.Bounds b = field.localToScreen(field.getBoundsInLocal());
            javafx.event.Event.fireEvent(field, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, b.getMinX() + 10,
                    b.getMinY() + 10, false, null));
        });
    }

    private String clipboardText() {
        java.util.concurrent.atomic.AtomicReference<String> text = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> text.set(javafx.scene.input.Clipboard.getSystemClipboard().getString()));
        return text.get();
    }
}
