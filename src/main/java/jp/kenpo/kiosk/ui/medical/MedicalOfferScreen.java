package jp.kenpo.kiosk.ui.medical;

import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** Finish here ({@code #skip-medical}) or go on to medical access authentication (次へ). */
public final class MedicalOfferScreen implements StepScreen {

    private final MedicalOfferViewModel vm;
    private final VBox root;

    public MedicalOfferScreen(MedicalOfferViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        Button skip = Ui.button(i18n, "medical.skip", "skip-medical", "secondary-action");
        skip.setOnAction(e -> {
            vm.finishHere();
            nav.next();
        });
        root = Ui.page(Step.MEDICAL_OFFER.screenId(), Ui.title(i18n, "medical.title"));
        root.getChildren().addAll(
                Ui.label(i18n, vm.emailVerified() ? "medical.doneVerified" : "medical.doneUnverified", "lead"),
                Ui.label(i18n, "medical.explain", "lead"),
                Ui.label(i18n, "medical.needs", "note"),
                skip);
    }

    @Override
    public Region view() {
        return root;
    }

    @Override
    public String nextKey() {
        return "medical.continue";
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
