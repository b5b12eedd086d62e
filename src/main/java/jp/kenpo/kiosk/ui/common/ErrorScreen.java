package jp.kenpo.kiosk.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.step.Navigator;
import jp.kenpo.kiosk.ui.step.Screen;

/** {@code #screen-error}: something the kiosk cannot do here, in plain words, and the way back. */
public final class ErrorScreen implements Screen {

    private final VBox root;

    public ErrorScreen(I18n i18n, String messageKey, Navigator nav) {
        MessageLabel message = new MessageLabel(i18n, new ReadOnlyObjectWrapper<>(Message.of(messageKey)));
        Button home = Ui.button(i18n, "error.home", AutomationIds.ERROR_HOME, "primary-action");
        home.setOnAction(e -> nav.home("error"));
        root = Ui.page(AutomationIds.SCREEN_ERROR, Ui.title(i18n, "error.title"));
        root.getChildren().addAll(message, Ui.label(i18n, "error.askStaff", "lead"), home);
        root.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    public Region view() {
        return root;
    }
}
