package jp.kenpo.kiosk.ui.shell;

import java.util.List;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import jp.kenpo.kiosk.core.flow.Phase;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.step.Screen;
import jp.kenpo.kiosk.ui.step.StepScreen;

/**
 * The shell's frame: the header, one screen at a time (scrolling when large text does not fit),
 * the footer, the staff corner, and the dialog layer above them. It retires the navigator, closes
 * the step and disposes the screen it replaces, so that a screen left behind moves nothing.
 */
final class ScreenHost {

    private final StackPane root = new StackPane();
    private final StackPane content = new StackPane();
    private final Header header;
    private final Footer footer;
    private final ModalLayer modal = new ModalLayer();
    /** Staff's layer over a member's session: the call screen, the PIN pad, the staff panel. */
    private final StackPane overlay = new StackPane();
    private final BorderPane frame;
    private Screen overlayScreen;
    private final Region staffCorner = new Pane();
    private final boolean largeText;

    private Screen screen;
    /** The navigator of the screen shown now. */
    private ScreenNavigator shown;
    /** The shown screen's busy state, or {@code null} when it never waits. */
    private ObservableBooleanValue busy;
    /** Told the root of what the member sees after each change: a screen, staff's layer, the screen again. */
    private java.util.function.Consumer<javafx.scene.Node> shownListener = n -> { };

    /**
     * @param largeText   whether the kiosk starts every session with large text
     * @param activity    a touch, a key or a scroll anywhere
     * @param cornerHeld  the staff corner is pressed ({@code true}) or let go ({@code false})
     */
    ScreenHost(Header header, Footer footer, boolean largeText, Runnable activity,
               java.util.function.Consumer<Boolean> cornerHeld) {
        this.header = header;
        this.footer = footer;
        this.largeText = largeText;
        ScrollPane scroller = new ScrollPane(content);
        scroller.setId("content-scroll");
        scroller.setFitToWidth(true);
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.getStyleClass().add("content-scroll");
        frame = new BorderPane(scroller, header, null, footer, null);
        frame.getStyleClass().add("frame");
        content.getStyleClass().add("content");

        staffCorner.setId(AutomationIds.STAFF_ENTRY);
        staffCorner.getStyleClass().add("staff-entry");
        staffCorner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        staffCorner.setPrefSize(110, 110);
        StackPane.setAlignment(staffCorner, Pos.BOTTOM_RIGHT);
        staffCorner.setOnMousePressed(e -> cornerHeld.accept(true));
        staffCorner.setOnMouseReleased(e -> cornerHeld.accept(false));
        staffCorner.setOnMouseExited(e -> cornerHeld.accept(false));

        overlay.getStyleClass().add("staff-layer");
        overlay.setStyle("-fx-background-color: -color-bg-default;");
        overlay.setVisible(false);
        root.getChildren().addAll(frame, staffCorner, overlay, modal);
        root.getStyleClass().add("kiosk-root");
        resetTextSize();
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED, KeyEvent.KEY_PRESSED,
                ScrollEvent.SCROLL)) {
            root.addEventFilter(type, e -> activity.run());
        }
    }

    Region root() {
        return root;
    }

    /** {@code listener} is told the root of what the member sees after each change (the voice guide). */
    void onShown(java.util.function.Consumer<javafx.scene.Node> listener) {
        this.shownListener = listener;
    }

    ModalLayer modal() {
        return modal;
    }

    /** The screen shown now; {@code null} before the first. */
    Screen screen() {
        return screen;
    }

    /** The navigator of the screen shown now. */
    ScreenNavigator navigator() {
        return shown;
    }

    /** Whether the shown screen waits for work in the background. */
    boolean busy() {
        return busy != null && busy.get();
    }

    /**
     * Shows {@code next} in place of the screen shown until now, whose navigator stops working, whose
     * step's view model is closed and which is disposed. Outside a session the header and the footer are empty, and the staff corner
     * is there when {@code staffCorner} says so.
     */
    void show(Screen next, ScreenNavigator nav, boolean staffCorner) {
        replace(next, nav);
        this.staffCorner.setVisible(staffCorner);
        StackPane.setAlignment(this.staffCorner, Pos.BOTTOM_RIGHT);
        header.show(List.of(), null, false);
        footer.show(false, null, null, false);
        footer.callStaff(false, null);
    }

    /** Shows a step of the member's journey: the phases in the header, 戻る and 次へ in the footer. */
    void showStep(StepScreen next, ScreenNavigator nav, List<Phase> phases, Phase phase, boolean canGoBack) {
        replace(next, nav);
        // In a session the corner is the top-left one, over the step indicator, clear of every control.
        staffCorner.setVisible(true);
        StackPane.setAlignment(staffCorner, Pos.TOP_LEFT);
        // After the submit there is nothing left to cancel: the outcome screen ends with 「終わる」 or by itself.
        header.show(phases, phase, !next.endsByItself());
        footer.show(canGoBack, next.viewModel().canAdvance(), next.nextKey(), next.hideNextWhileDisabled(), next.nextId(), busy);
        footer.callStaff(true, next.viewModel().needsStaff());
    }

    /**
     * Shows {@code over} above everything, the member's screen left as it is below it (its fields,
     * its view model): closing it shows the member's screen again exactly as it was.
     */
    void showOverlay(Screen over) {
        clearOverlay();
        overlayScreen = over;
        overlay.getChildren().setAll(over.view());
        overlay.setVisible(true);
        // Kept as it is, but out of reach (and out of an accessibility tool's reading) below staff's layer.
        frame.setVisible(false);
        overlay.requestFocus();
        shownListener.accept(over.view());
    }

    /** Closes staff's layer, if open; the member's screen is shown again. */
    void closeOverlay() {
        boolean open = overlayScreen != null;
        clearOverlay();
        if (open && screen != null) {
            shownListener.accept(screen.view());
        }
    }

    private void clearOverlay() {
        if (overlayScreen != null) {
            overlayScreen.dispose();
            overlayScreen = null;
        }
        overlay.getChildren().clear();
        overlay.setVisible(false);
        frame.setVisible(true);
    }

    /** What staff's layer shows; {@code null} when it is closed. */
    Screen overlay() {
        return overlayScreen;
    }

    private void replace(Screen next, ScreenNavigator nav) {
        if (shown != null) {
            shown.retire();
        }
        shown = nav;
        if (screen instanceof StepScreen step) {
            step.viewModel().close();
        }
        if (screen != null) {
            screen.dispose();
        }
        screen = next;
        busy = next instanceof StepScreen step ? step.viewModel().busy() : null;
        header.busy(busy);
        content.getChildren().setAll(next.view());
        if (overlayScreen == null) {
            shownListener.accept(next.view());
        }
    }

    /** Back to the kiosk's text size and its normal colours, for the next member. */
    void resetTextSize() {
        root.getStyleClass().remove("text-large");
        if (largeText) {
            root.getStyleClass().add("text-large");
        }
        header.compact(largeText);
        root.getStylesheets().remove(HIGH_CONTRAST);
    }

    /** The high-contrast theme: a stylesheet of its own over the kiosk's, on the shell's root. */
    static final String HIGH_CONTRAST = ScreenHost.class.getResource("/jp/kenpo/kiosk/ui/high-contrast.css").toExternalForm();

    void toggleContrast() {
        if (!root.getStylesheets().remove(HIGH_CONTRAST)) {
            root.getStylesheets().add(HIGH_CONTRAST);
        }
    }

    void toggleTextSize() {
        if (!root.getStyleClass().remove("text-large")) {
            root.getStyleClass().add("text-large");
        }
        header.compact(root.getStyleClass().contains("text-large"));
    }
}
