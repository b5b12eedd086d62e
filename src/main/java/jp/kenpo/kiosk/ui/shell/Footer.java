package jp.kenpo.kiosk.ui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.common.Ui;

/** The bar at the bottom: 戻る on the left, the screen's one main action on the right. */
final class Footer extends HBox {

    private final I18n i18n;
    private final Button back;
    private final Button next;

    Footer(I18n i18n, Runnable onBack, Runnable onNext) {
        this.i18n = i18n;
        getStyleClass().add("footer");
        setAlignment(Pos.CENTER);
        back = Ui.button(i18n, "nav.back", AutomationIds.BACK, "secondary-action", "back-button");
        back.setOnAction(e -> onBack.run());
        next = new Button();
        next.setId(AutomationIds.NEXT);
        next.getStyleClass().addAll("primary-action", "next-button");
        next.setOnAction(e -> onNext.run());
        next.setDefaultButton(true);
        getChildren().addAll(back, Ui.grow(), next);
    }

    /** Sets up the bar for a screen; releases its bindings to the previous one. */
    void show(boolean canGoBack, ObservableBooleanValue nextEnabled, String nextKey, boolean hideWhileDisabled) {
        show(canGoBack, nextEnabled, nextKey, hideWhileDisabled, AutomationIds.NEXT, null);
    }

    /**
     * As above, with the forward button's automation id ({@code #next}, or {@code #submit} on the
     * confirmation) and when 戻る is disabled: while {@code busy} is true ({@code null}: never).
     */
    void show(boolean canGoBack, ObservableBooleanValue nextEnabled, String nextKey, boolean hideWhileDisabled,
              String nextId, ObservableBooleanValue busy) {
        next.setId(nextId);
        back.setVisible(canGoBack);
        back.disableProperty().unbind();
        if (busy == null) {
            back.setDisable(false);
        } else {
            back.disableProperty().bind(busy);
        }
        next.disableProperty().unbind();
        next.textProperty().unbind();
        next.visibleProperty().unbind();
        boolean hasNext = nextEnabled != null;
        next.setVisible(hasNext);
        if (hasNext) {
            next.disableProperty().bind(javafx.beans.binding.Bindings.not(nextEnabled));
            next.textProperty().bind(i18n.text(nextKey));
            if (hideWhileDisabled) {
                next.visibleProperty().bind(next.disableProperty().not());
            }
        }
        boolean any = canGoBack || hasNext;
        setVisible(any);
        setManaged(any);
    }
}
