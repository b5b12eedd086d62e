package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;

/** 秘密の質問: the member's own question in katakana, a case-sensitive answer in letters, hashed. */
class SecretQuestionUiTest extends KioskFxHarness {

    private void toSecretQuestion() {
        resumeAt(Step.SECRET_QUESTION, s -> {
            s.document(DocumentType.MY_NUMBER_CARD);
            s.documentImage(KioskSession.Side.FRONT, new byte[] {1});
            s.faceImage("frontal_mouth_closed", new byte[] {2});
            s.closedMouth(0.01);
            s.faceImage("left_mouth_open", new byte[] {3});
            s.livenessPassed(true);
        });
        assertScreen("screen-secret-question");
    }

    @Test
    void ownQuestionAndACaseSensitiveAnswerKeptOnlyAsAHash() throws Exception {
        toSecretQuestion();
        assertThat(present("#secretQuestionCustom")).as("the member's own question is the default").isTrue();
        assertThat(present("#next")).isTrue();
        clickOn("#secretQuestionCustom");
        kana("スキナイロ");
        clickOn("#secretAnswer");
        clickOn("#keyboard-alphanumeric");
        keys("shift", "m", "i", "d", "o", "r", "i");
        assertThat(lookup("#secretAnswer").queryAs(TextField.class).getText()).as("question field: %s", lookup("#secretQuestionCustom").queryAs(TextField.class).getText()).isEqualTo("Midori");
        KioskSession s = shell.session().orElseThrow();
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        assertThat(s.secretQuestion()).isEqualTo("スキナイロ");
        assertThat(s.secretQuestionCustom()).isTrue();
        assertThat(s.secretAnswerHash()).startsWith("$pbkdf2-sha256$i=310000,");
        assertThat(SlowHash.verify("Midori".toCharArray(), s.secretAnswerHash())).isTrue();
        assertThat(SlowHash.verify("midori".toCharArray(), s.secretAnswerHash())).as("case-sensitive").isFalse();
    }

    @Test
    void aPresetQuestionNeedsOnlyTheAnswerAndAnEmptyAnswerIsRefused() throws Exception {
        toSecretQuestion();
        clickOn("#secretQuestion-pet");
        assertThat(present("#secretQuestionCustom")).isFalse();
        assertThat(lookup("#next").queryButton().isDisabled()).isTrue();
        clickOn("#secretAnswer");
        kana("ポチ");
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        KioskSession s = shell.session().orElseThrow();
        assertThat(s.secretQuestion()).isEqualTo("はじめて飼ったペットの名前は？");
        assertThat(s.secretQuestionCustom()).isFalse();
        assertThat(SlowHash.verify("ポチ".toCharArray(), s.secretAnswerHash())).isTrue();
    }

    /**
     * While the answer is hashed, 戻る, 中止 and the language are disabled and the idle timeout waits:
     * presses in that moment change nothing, and the hash, when ready, moves on once — to the
     * confirmation, with the session whole.
     */
    @Test
    void backCancelLanguageAndTheIdleTimeoutWaitWhileTheAnswerIsHashed() throws Exception {
        toSecretQuestion();
        clickOn("#secretQuestion-pet");
        clickOn("#secretAnswer");
        kana("ポチ");
        KioskSession s = shell.session().orElseThrow();
        java.util.Map<String, Boolean> seen = new java.util.LinkedHashMap<>();
        interact(() -> {
            lookup("#next").queryButton().fire();
            // Still the same turn of the JavaFX thread: the hash is being made.
            for (String id : java.util.List.of("#back", "#cancel", "#lang")) {
                seen.put(id + " disabled", lookup(id).queryButton().isDisabled());
                lookup(id).queryButton().fire();
            }
            clock.advance(java.time.Duration.ofSeconds(200)); // far past the idle timeout and its countdown
            shell.tick();
            seen.put("session kept", shell.session().isPresent());
        });
        assertThat(seen).containsEntry("#back disabled", true).containsEntry("#cancel disabled", true)
                .containsEntry("#lang disabled", true).containsEntry("session kept", true);
        waitFor("#screen-confirm", 10);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(3);
        assertScreen("screen-confirm");
        assertThat(present("#cancel-dialog")).isFalse();
        assertThat(present("#idle-dialog")).isFalse();
        assertThat(lookup("#submit").queryButton().getText()).as("still in Japanese").isEqualTo("この内容で認証する");
        assertThat(s.isWiped()).isFalse();
        assertThat(s.secretAnswerHash()).startsWith("$pbkdf2-sha256$");
        assertThat(lookup("#back").queryButton().isDisabled()).as("戻る works again").isFalse();
    }

    /**
     * With large text the five questions, listed beside a keyboard of 15 mm keys, would push the answer
     * below the screen: they fold to the chosen one, so that the fields, the choice of keyboard and the
     * keyboard's last row show without scrolling; 「質問を選び直す」 lists them again in place of the
     * fields, and a question chosen folds them back.
     */
    @Test
    void withLargeTextTheQuestionsFoldAndTheAnswerAndEveryKeyShowWithoutScrolling() throws Exception {
        clickOn("#text-size");
        toSecretQuestion();
        assertThat(present("#secretQuestion-pet")).as("the questions folded").isFalse();
        assertThat(present("#secretQuestion-change")).isTrue();
        assertInView("#secretQuestionCustom", "#secretAnswer", "#keyboard-kana", "#key-delete");
        clickOn("#secretQuestion-change");
        assertThat(present("#secretQuestion-pet")).as("listed again").isTrue();
        assertThat(present("#secretAnswer")).as("the list in place of the fields").isFalse();
        clickOn("#secretQuestion-pet");
        assertThat(present("#secretQuestion-pet")).as("folded again").isFalse();
        assertThat(lookup(".chosen-question").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("はじめて飼ったペットの名前は？");
        assertThat(present("#secretQuestionCustom")).isFalse();
        assertInView("#secretAnswer", "#key-delete");
        clickOn("#secretAnswer");
        kana("ポチ");
        KioskSession s = shell.session().orElseThrow();
        clickOn("#next");
        waitFor("#screen-confirm", 10);
        assertThat(s.secretQuestion()).isEqualTo("はじめて飼ったペットの名前は？");
    }

    /** Each node lies wholly within the part of the screen shown without scrolling. */
    private void assertInView(String... queries) {
        javafx.scene.control.ScrollPane scroller = lookup("#content-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds view = scroller.localToScene(scroller.getLayoutBounds());
        for (String q : queries) {
            javafx.scene.Node n = lookup(q).query();
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMaxY()).as("the bottom of %s, in a view ending at %s", q, view.getMaxY())
                    .isLessThanOrEqualTo(view.getMaxY());
        }
    }
}
