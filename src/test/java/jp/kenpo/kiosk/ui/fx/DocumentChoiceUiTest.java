package jp.kenpo.kiosk.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.session.KioskSession;

/** From the verified email through the medical offer to the document choice (demo mail folder). */
class DocumentChoiceUiTest extends KioskFxHarness {

    @Test
    void continuingToMedicalAccessOffersTheUnionsDocuments() throws Exception {
        toAccount();
        fillAccount("kenkou.taro@example.jp");
        clickOn("#next");
        waitFor("#otp", 10);
        clickOn("#otp");
        keypad(mailedCode());
        clickOn("#next");
        assertScreen("screen-medical-offer");
        clickOn("#next");

        assertScreen("screen-document-choice");
        for (DocumentType t : DocumentType.values()) {
            assertThat(present("#doc-" + t.code())).as(t.code()).isTrue();
        }
        clickOn("#doc-my_number_card");
        KioskSession s = shell.session().orElseThrow();
        assertThat(s.documentType()).isEqualTo(DocumentType.MY_NUMBER_CARD);
        assertThat(s.facts().medicalChosen()).isTrue();
        assertScreen("screen-document-capture");
        clickOn("#back");
        assertScreen("screen-document-choice");
    }
}
