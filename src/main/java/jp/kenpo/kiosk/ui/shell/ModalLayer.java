package jp.kenpo.kiosk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Dialogs inside the scene, over a dimmed screen: a kiosk opens no second window. One dialog at a
 * time; the screen below takes no touches while one is open.
 */
final class ModalLayer extends StackPane {

    ModalLayer() {
        getStyleClass().add("modal-layer");
        setVisible(false);
        setPickOnBounds(true);
    }

    void open(VBox dialog) {
        dialog.getStyleClass().add("dialog");
        dialog.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(dialog, Pos.CENTER);
        getChildren().setAll(dialog);
        setVisible(true);
    }

    void close() {
        getChildren().clear();
        setVisible(false);
    }

    boolean showing(String id) {
        return isVisible() && !getChildren().isEmpty() && id.equals(getChildren().get(0).getId());
    }
}
