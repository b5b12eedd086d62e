package jp.kenpo.kiosk.ui.shell;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Dialogs inside the scene, over a dimmed screen: a kiosk opens no second window. One dialog at a
 * time; the screen below takes no touches while one is open. A listener (the voice guide) is told
 * each dialog that opens, and {@code null} when the open one closes.
 */
final class ModalLayer extends StackPane {

    private Consumer<Node> listener = d -> { };

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
        listener.accept(dialog);
    }

    void close() {
        boolean open = isVisible() && !getChildren().isEmpty();
        getChildren().clear();
        setVisible(false);
        if (open) {
            listener.accept(null);
        }
    }

    /** {@code listener} is told each dialog as it opens, and {@code null} when it closes. */
    void onChange(Consumer<Node> listener) {
        this.listener = listener;
    }

    boolean showing(String id) {
        return isVisible() && !getChildren().isEmpty() && id.equals(getChildren().get(0).getId());
    }
}
