package jp.kenpo.kiosk.ui.done;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.StepScreen;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/**
 * {@code #screen-done}: the title and the sentence the central service's answer calls for (see
 * {@link DoneViewModel}), the receipt number ({@code #receiptNumber}) to read aloud, the seconds
 * until the screen returns to the start by itself ({@code #outcome-seconds}), and 「終わる」, which
 * ends the session (wipe) at once.
 */
public final class DoneScreen implements StepScreen {

    private final DoneViewModel vm;
    private final Navigator nav;
    private final VBox root;

    public DoneScreen(DoneViewModel vm, I18n i18n, Navigator nav) {
        this.vm = vm;
        this.nav = nav;
        Label receipt = new Label(vm.receiptNumber());
        receipt.setId(AutomationIds.RECEIPT_NUMBER);
        receipt.getStyleClass().add("receipt-number");
        Label seconds = new Label();
        seconds.setId(AutomationIds.OUTCOME_SECONDS);
        seconds.getStyleClass().add("outcome-seconds");
        seconds.setWrapText(true);
        seconds.setMinHeight(Region.USE_PREF_SIZE);
        seconds.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("done.secondsLeft", vm.secondsLeftProperty().get()),
                vm.secondsLeftProperty(), i18n.localeProperty()));
        Button finish = Ui.button(i18n, "done.finish", AutomationIds.DONE_FINISH, "primary-action");
        finish.setOnAction(e -> nav.home("finished"));
        Label lead = Ui.label(i18n, vm.leadKey(), "lead");
        lead.setId(AutomationIds.OUTCOME_LEAD);
        root = Ui.page(Step.DONE.screenId(), Ui.title(i18n, vm.titleKey()));
        root.getStyleClass().add("done");
        root.getChildren().addAll(lead, Ui.label(i18n, "done.receipt", "field-label"), receipt,
                Ui.label(i18n, "done.receiptNote", "note"), finish, seconds);
    }

    @Override
    public Region view() {
        return root;
    }

    /** The countdown replaces the idle question here. */
    @Override
    public boolean endsByItself() {
        return true;
    }

    @Override
    public void tick() {
        if (vm.tick()) {
            nav.home("outcome shown");
        }
    }

    /** Staff were called: the receipt number stays until they are done, then counts down anew. */
    @Override
    public void hold() {
        vm.hold();
    }

    @Override
    public StepViewModel viewModel() {
        return vm;
    }
}
