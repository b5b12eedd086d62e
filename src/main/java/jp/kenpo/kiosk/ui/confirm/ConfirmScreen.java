package jp.kenpo.kiosk.ui.confirm;

import java.io.ByteArrayInputStream;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.core.flow.Step;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.basicinfo.BasicConfirmScreen;
import jp.kenpo.kiosk.ui.common.MessageLabel;
import jp.kenpo.kiosk.ui.common.Ui;
import jp.kenpo.kiosk.ui.shell.Navigator;
import jp.kenpo.kiosk.ui.shell.StepScreen;

/**
 * {@code #screen-confirm}: the summary (masked where sensitive) and thumbnails of the pictures;
 * the footer's forward button is {@code #submit} 「この内容で認証する」.
 */
public final class ConfirmScreen implements StepScreen {

    static final double THUMB_WIDTH = 130;

    private final ConfirmViewModel vm;
    private final Navigator nav;
    private final VBox root;
    private final FlowPane thumbs = new FlowPane();

    public ConfirmScreen(ConfirmViewModel vm, I18n i18n, Navigator nav) {
        thumbs.getStyleClass().add("thumbnails");
        thumbs.setId("confirm-pictures");
        for (byte[] jpeg : vm.thumbnails()) {
            ImageView v = new ImageView(new Image(new ByteArrayInputStream(jpeg), THUMB_WIDTH, THUMB_WIDTH, true, true));
            thumbs.getChildren().add(v);
        }
        thumbs.setPrefWrapLength(4 * THUMB_WIDTH);
        this.vm = vm;
        this.nav = nav;
        VBox right = new VBox(BasicConfirmScreen.summary(i18n, vm.accountRows()),
                Ui.label(i18n, "final.pictures", "field-label"), thumbs, new MessageLabel(i18n, vm.messageProperty()));
        right.getStyleClass().add("form");
        VBox left = new VBox(BasicConfirmScreen.summary(i18n, vm.membershipRows()));
        left.getStyleClass().add("form");
        // Side by side at normal text; with large text the second column moves below (the screen scrolls).
        FlowPane body = new FlowPane(left, right);
        body.getStyleClass().add("confirm-columns");
        body.setPrefWrapLength(1150);
        root = Ui.page(Step.CONFIRM.screenId(), Ui.title(i18n, "final.title"));
        root.getChildren().addAll(Ui.label(i18n, "final.lead", "lead"), body);
    }

    @Override
    public Region view() {
        return root;
    }

    /** 「この内容で認証する」 in the footer, {@code #submit}: seals in the background, then moves on. */
    @Override
    public ObservableBooleanValue nextEnabled() {
        return vm.busyProperty().not();
    }

    @Override
    public String nextKey() {
        return "final.submit";
    }

    @Override
    public String nextId() {
        return AutomationIds.SUBMIT;
    }

    @Override
    public boolean commit() {
        vm.submit(nav::next);
        return false;
    }

    @Override
    public void dispose() {
        thumbs.getChildren().clear();
    }
}
