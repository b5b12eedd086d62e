package jp.kenpo.kiosk.ui.done;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.shell.Navigator;
import jp.kenpo.kiosk.ui.shell.StepScreen;

/**
 * {@code #screen-done}: 「完了しました」 when the central service confirmed the registration, else
 * 「申請を受け付けました」 (it waits for delivery or review; completion is mailed); the receipt number
 * ({@code #receiptNumber}) to read aloud; 「終わる」 ends the session (wipe) — as does the idle timeout.
 */
public final class DoneScreen implements StepScreen {

    private final VBox root;

    public DoneScreen(KioskSession session, I18n i18n, Navigator nav) {
        boolean complete = session.complete();
        Label receipt = new Label(session.receiptNumber());
        receipt.setId(AutomationIds.RECEIPT_NUMBER);
        receipt.getStyleClass().add("receipt-number");
        Button finish = Ui.button(i18n, "done.finish", AutomationIds.DONE_FINISH, "primary-action");
        finish.setOnAction(e -> nav.home("finished"));
        root = Ui.page(Step.DONE.screenId(), Ui.title(i18n, complete ? "done.complete" : "done.accepted"));
        root.getStyleClass().add("done");
        root.getChildren().addAll(Ui.label(i18n, complete ? "done.completeLead" : "done.acceptedLead", "lead"),
                Ui.label(i18n, "done.receipt", "field-label"), receipt, Ui.label(i18n, "done.receiptNote", "note"),
                finish);
    }

    @Override
    public Region view() {
        return root;
    }
}
