package jp.kenpo.kiosk.ui.common;

import java.util.function.Supplier;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.ui.I18n;

/**
 * The row of the member's camera steps (the card, the face, the app's QR code): the live picture
 * with its guide on the left ({@link PreviewPane}, 800 × 450, 16:9 like the camera) and the guidance
 * column on the right. The picture follows the camera from {@link #follow} until {@link #clear()}.
 */
public final class CameraRow extends HBox {

    /** The preview's size on screen, in the scene's pixels. */
    public static final double PREVIEW_WIDTH = 800;
    public static final double PREVIEW_HEIGHT = 450;

    private final PreviewPane preview;

    /**
     * @param available whether the camera gives pictures (else 「カメラが使えません」 in the picture's place)
     * @param guide     drawn over the picture (and before the first frame)
     * @param guidance  the column's content, top to bottom
     */
    public CameraRow(I18n i18n, ObservableBooleanValue available, PreviewPane.Overlay guide, Node... guidance) {
        preview = new PreviewPane(i18n, PREVIEW_WIDTH, PREVIEW_HEIGHT, available, guide);
        getChildren().addAll(preview, column(guidance));
        getStyleClass().add("capture-row");
    }

    /** A row of the same shape with something else on the left (a taken picture under review). */
    public static HBox beside(Node left, Node... guidance) {
        HBox row = new HBox(left, column(guidance));
        row.getStyleClass().add("capture-row");
        return row;
    }

    private static VBox column(Node... guidance) {
        VBox column = new VBox(guidance);
        column.getStyleClass().add("capture-guidance");
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    /**
     * The white guide's rounded rectangle of {@code width} × {@code height}, centred on the picture, on
     * a dark edge: it stays visible over white paper (a printed slip, a phone's white screen, a card
     * on a light desk).
     */
    public static void centredFrame(GraphicsContext g, Rectangle2D picture, double width, double height) {
        double x = picture.getMinX() + (picture.getWidth() - width) / 2;
        double y = picture.getMinY() + (picture.getHeight() - height) / 2;
        g.setStroke(Color.rgb(0, 0, 0, 0.6));
        g.setLineWidth(8);
        g.strokeRoundRect(x, y, width, height, 16, 16);
        PreviewPane.guidePen(g);
        g.strokeRoundRect(x, y, width, height, 16, 16);
    }

    /** The picture as in a mirror ({@link PreviewPane#mirror}): the face steps. */
    public CameraRow mirrored() {
        preview.mirror();
        return this;
    }

    /** Follows the camera: on every pulse the newest frame, if any ({@link PreviewPane#follow}). */
    public void follow(Supplier<PreviewFrame> newest) {
        preview.follow(newest);
    }

    /** Stops following the camera and drops the picture (the screen is left). */
    public void clear() {
        preview.clear();
    }
}
