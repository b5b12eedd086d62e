package jp.kenpo.kiosk.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.config.StaffMember;
import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.testing.Registrations;
import jp.kenpo.kiosk.ui.staff.StaffPanelViewModel.After;
import jp.kenpo.kiosk.ui.staff.StaffPanelViewModel.Where;

/** The staff panel's choices, without a screen: what each records in the session and where the member goes. */
class StaffPanelViewModelTest {

    private static final StaffMember TANAKA = new StaffMember("tanaka", "田中", "$pbkdf2-sha256$i=1,l=32$AA$BB");

    /** A member at the second angle, with the document and the frontal photo, whose liveness check failed. */
    private static KioskSession atTheSecondAngle() {
        KioskSession s = Registrations.finished("ケンコウ　タロウ", "kenkou.taro@example.jp");
        s.livenessPassed(false);
        s.secretQuestion(null, false, null);
        return s;
    }

    @Test
    void theInPersonCheckAtTheFailedSecondAngleIsRecordedWithTheStaffIdAndTheMemberGoesOn() {
        KioskSession s = atTheSecondAngle();
        StaffPanelViewModel vm = new StaffPanelViewModel(s, Step.FACE_ANGLE, TANAKA, true);
        assertThat(vm.livenessFallback()).isTrue();
        assertThat(vm.showsPictures()).isTrue();
        assertThat(vm.documentImages()).hasSize(1);
        assertThat(vm.canConfirm()).isTrue();

        After after = vm.confirm();
        assertThat(after.where()).isEqualTo(Where.ONWARD);
        assertThat(after.action()).isEqualTo("in-person-check-liveness");
        assertThat(s.staffCheckedInPerson()).isTrue();
        assertThat(s.staffId()).isEqualTo("tanaka");
        assertThat(s.livenessPassed()).isFalse();
        assertThat(s.snapshot().staffId()).isEqualTo("tanaka");
    }

    @Test
    void beforeTheDocumentStepThereIsNothingToCompareAndNothingToRecord() {
        KioskSession s = new KioskSession(null, null);
        s.account("kenkou.taro@example.jp", "Midori7!s".toCharArray(), null);
        StaffPanelViewModel vm = new StaffPanelViewModel(s, Step.ACCOUNT, TANAKA, false);
        assertThat(vm.showsPictures()).isFalse();
        assertThat(vm.canConfirm()).isFalse();
        assertThat(vm.canRetake()).isFalse();
        assertThat(vm.canStopMedical()).isFalse();
        assertThat(vm.confirm()).isEqualTo(After.BACK);
        assertThat(s.staffCheckedInPerson()).isFalse();
        assertThat(vm.stepKey()).isEqualTo("staff.panel.step.account");
    }

    @Test
    void retakingTheFacesDropsThemAndGoesBackToTheFrontalPhoto() {
        KioskSession s = atTheSecondAngle();
        After after = new StaffPanelViewModel(s, Step.FACE_ANGLE, TANAKA, true).retake();
        assertThat(after.where()).isEqualTo(Where.STEP);
        assertThat(after.step()).isEqualTo(Step.FACE_FRONT);
        assertThat(s.faceImages()).isEmpty();
        assertThat(s.closedMouth()).isNull();
        assertThat(s.documentImages()).hasSize(1);

        After document = new StaffPanelViewModel(s, Step.DOCUMENT_BACK_QUESTION, TANAKA, false).retake();
        assertThat(document.step()).isEqualTo(Step.DOCUMENT_FRONT);
        assertThat(s.documentImages()).isEmpty();
    }

    @Test
    void stoppingAuthenticationKeepsTheAccountAndGoesToTheConfirmation() {
        KioskSession s = atTheSecondAngle();
        After after = new StaffPanelViewModel(s, Step.FACE_ANGLE, TANAKA, true).stopMedical();
        assertThat(after.step()).isEqualTo(Step.CONFIRM);
        assertThat(after.action()).isEqualTo("medical-stopped");
        assertThat(s.documentType()).isNull();
        assertThat(s.documentImages()).isEmpty();
        assertThat(s.faceImages()).isEmpty();
        assertThat(s.facts().medicalChosen()).isFalse();
        assertThat(s.email()).isEqualTo("kenkou.taro@example.jp");
        assertThat(s.kanaName()).isEqualTo("ケンコウ　タロウ");
        assertThat(s.isWiped()).isFalse();
    }
}
