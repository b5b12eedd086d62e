package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;

/**
 * The header's language picker ({@code #lang}): every language of the demo, each named in its own
 * script on a button a finger hits, switches every text at once; the consent texts the demo union has
 * only in Japanese say so in the member's language.
 */
class LanguagePickerUiTest extends KioskFxHarness {

    @Test
    void thePickerNamesEachLanguageInItsOwnScriptAndSwitchesTheScreen() {
        clickOn("#lang");
        assertThat(present("#lang-dialog")).isTrue();
        List<String> names = lookup("#lang-dialog .language-choice").queryAllAs(Button.class).stream()
                .map(Button::getText).toList();
        assertThat(names).containsExactly("日本語", "English", "中文（简体）", "한국어", "Tiếng Việt", "Português (Brasil)");
        assertThat(lookup("#lang-ja").queryButton().getStyleClass()).as("the current language is marked")
                .contains("language-current");
        double fifteenMm = kiosk.config().display().mmToPx(15);
        for (Button b : lookup("#lang-dialog .button").queryAllAs(Button.class)) {
            assertThat(b.getHeight()).as(b.getText() + " is a touch target").isGreaterThanOrEqualTo(fifteenMm);
            assertThat(b.getWidth()).as(b.getText() + " is a touch target").isGreaterThanOrEqualTo(fifteenMm);
        }

        clickOn("#lang-ko");

        assertThat(present("#lang-dialog")).as("a choice closes the picker").isFalse();
        assertThat(lookup("#screen-welcome .welcome-title").queryAs(Label.class).getText()).isEqualTo("건강 포털 신규 등록");
        assertThat(lookup("#start").queryButton().getText()).isEqualTo("신규 등록 시작하기");
        assertThat(lookup("#lang").queryButton().getText()).isEqualTo("언어 / Language");

        clickOn("#lang");
        assertThat(lookup("#lang-ko").queryButton().getStyleClass()).contains("language-current");
        assertThat(lookup("#lang-ja").queryButton().getStyleClass()).doesNotContain("language-current");
        clickOn("#lang-ja");

        assertThat(lookup("#screen-welcome .welcome-title").queryAs(Label.class).getText()).isEqualTo("健康ポータル 新規登録");
        assertThat(lookup("#start").queryButton().getText()).isEqualTo("新規登録をはじめる");
    }

    @Test
    void closingThePickerKeepsTheLanguage() {
        language("vi");
        clickOn("#lang");
        clickOn("#lang-close");
        assertThat(present("#lang-dialog")).isFalse();
        assertThat(lookup("#start").queryButton().getText()).isEqualTo("Bắt đầu đăng ký mới");
    }

    @Test
    void aConsentWithoutTranslationIsShownInJapaneseWithANoteInTheMembersLanguage() {
        language("zh-CN");
        clickOn("#start");
        assertScreen("screen-consent");
        List<Label> notes = visibleNotes();
        assertThat(notes).as("the terms and the privacy policy are in Japanese only").hasSize(2)
                .allSatisfy(n -> assertThat(n.getText()).isEqualTo("此文件只有日语版本。"));
        assertThat(lookup(".consent-paragraph").queryAllAs(Label.class)).first()
                .satisfies(body -> assertThat(body.getText()).contains("利用規約"));
        assertThat(lookup(".consent-heading").queryAllAs(Label.class)).first()
                .satisfies(title -> assertThat(title.getText()).isEqualTo("使用条款"));

        language("en");
        assertThat(visibleNotes()).as("the demo has English texts: no note").isEmpty();

        language("pt-BR");
        assertThat(visibleNotes()).extracting(Label::getText).containsOnly("Este documento existe só em japonês.");
    }

    private List<Label> visibleNotes() {
        return lookup(".consent-japanese-only").queryAllAs(Label.class).stream().filter(Label::isVisible).toList();
    }
}
