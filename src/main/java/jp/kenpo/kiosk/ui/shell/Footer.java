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
    private final Button callStaff;
    /** Whether 戻る or 次へ is shown: the bar stays visible for them or for 「係員を呼ぶ」. */
    private boolean navigation;
    private ObservableBooleanValue offered;
    private final javafx.beans.value.ChangeListener<Boolean> offeredListener = (o, was, is) -> offer(is);

    Footer(I18n i18n, Runnable onBack, Runnable onNext, Runnable onCallStaff) {
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
        next.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // 「Register with these details」 whole at large text
        callStaff = Ui.button(i18n, "nav.callStaff", AutomationIds.CALL_STAFF, "secondary-action", "call-staff");
        callStaff.setOnAction(e -> onCallStaff.run());
        callStaff.setFocusTraversable(false);
        callStaff.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // one line, as 戻る and the main action
        getChildren().addAll(back, Ui.grow(), callStaff, Ui.grow(), next);
    }

    /**
     * 「係員を呼ぶ」 on every screen of a member's session ({@code shown}); offered by itself — drawn
     * as the main action — while {@code offered} is true ({@code null}: never).
     */
    void callStaff(boolean shown, ObservableBooleanValue offered) {
        if (this.offered != null) {
            this.offered.removeListener(offeredListener);
        }
        this.offered = offered;
        callStaff.setVisible(shown);
        callStaff.setManaged(shown);
        if (offered != null) {
            offered.addListener(offeredListener);
        }
        offer(offered != null && offered.get());
        boolean any = navigation || shown;
        setVisible(any);
        setManaged(any);
    }

    private void offer(boolean yes) {
        callStaff.getStyleClass().removeAll("secondary-action", "primary-action", "call-staff-offered");
        callStaff.getStyleClass().addAll(yes ? java.util.List.of("primary-action", "call-staff-offered")
                : java.util.List.of("secondary-action"));
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
        // kept in the bar (係員を呼ぶ stays where it is) but without the last screen's words, whose width
        // would squeeze 戻る and 係員を呼ぶ onto two lines
        next.setText("");
        if (hasNext) {
            next.disableProperty().bind(javafx.beans.binding.Bindings.not(nextEnabled));
            next.textProperty().bind(i18n.text(nextKey));
            if (hideWhileDisabled) {
                next.visibleProperty().bind(next.disableProperty().not());
            }
        }
        boolean any = canGoBack || hasNext;
        navigation = any;
        setVisible(any);
        setManaged(any);
    }
}
