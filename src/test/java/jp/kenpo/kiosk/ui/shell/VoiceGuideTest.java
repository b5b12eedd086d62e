package jp.kenpo.kiosk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VoiceGuideTest {

    @Test
    void aReceiptNumberIsReadCharacterByCharacter() {
        assertThat(VoiceGuide.spelled("K07-0457")).containsExactly("char-K", "char-0", "char-7", "char-hyphen",
                "char-0", "char-4", "char-5", "char-7");
        assertThat(VoiceGuide.spelled("k 1")).as("case and spaces as on screen").containsExactly("char-K", "char-1");
    }
}
