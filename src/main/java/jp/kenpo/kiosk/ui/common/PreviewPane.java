package jp.kenpo.kiosk.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import jp.kenpo.kiosk.core.camera.PreviewFrame;
import jp.kenpo.kiosk.ui.AutomationIds;
import jp.kenpo.kiosk.ui.I18n;

/**
 * The live camera picture with an overlay drawn over it ({@code #camera-preview}). Each new
 * frame's pixels are copied into one reused image; without a camera the picture is hidden (no
 * frozen frame) and 「カメラが使えません」 shows in its place.
 */
public final class PreviewPane extends StackPane {

    private final double width;
    private final double height;
    private final ImageView live = new ImageView();
    private final Canvas overlay;
    private final Overlay guide;
    private WritableImage image;
    private javafx.animation.AnimationTimer pulse;

    /** Draws over the picture: the guide, and what the analyzer found in the frame (or {@code null}). */
    @FunctionalInterface
    public interface Overlay {
        void draw(GraphicsContext g, Rectangle2D picture, PreviewFrame frame);
    }

    /**
     * @param guide draws over the picture's area inside the pane; also called before the first
     *              frame arrives, with no frame
     */
    public PreviewPane(I18n i18n, double width, double height, ObservableBooleanValue available, Overlay guide) {
        this.width = width;
        this.height = height;
        this.guide = guide;
        this.overlay = new Canvas(width, height);
        live.setFitWidth(width);
        live.setFitHeight(height);
        live.setPreserveRatio(true);
        Region dark = new Region();
        dark.getStyleClass().add("camera-dark");
        dark.setPrefSize(width, height);
        Label off = Ui.label(i18n, "capture.camera.off", "camera-off");
        off.visibleProperty().bind(javafx.beans.binding.Bindings.not(available));
        live.visibleProperty().bind(available);
        overlay.visibleProperty().bind(available);
        getChildren().addAll(dark, off, live, overlay);
        setId(AutomationIds.CAMERA_PREVIEW);
        getStyleClass().add("camera-preview");
        setMaxSize(width, height);
        redraw(null);
    }

    /**
     * Shows the picture and what is drawn over it as in a mirror (the face steps): a member who turns
     * to the right sees the face on the screen turn to the right, as in a mirror, a phone's front
     * camera and the drawn head beside it. What is analysed and sent is the camera's own picture.
     */
    public void mirror() {
        live.setScaleX(-1);
        overlay.setScaleX(-1);
    }

    /**
     * Follows a camera: on every JavaFX pulse takes the newest frame from {@code newest} (null when
     * there is none since the last pulse) and shows it — frames the screen had no time for are never
     * drawn. Stopped by {@link #clear()}.
     */
    public void follow(java.util.function.Supplier<PreviewFrame> newest) {
        pulse = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                PreviewFrame f = newest.get();
                if (f != null) {
                    draw(f);
                }
            }
        };
        pulse.start();
    }

    /** The bar that fills while the picture is good and held still; shown only with a camera. */
    public static javafx.scene.control.ProgressBar steadyBar(javafx.beans.value.ObservableDoubleValue steady,
                                                             ObservableBooleanValue available) {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(steady);
        bar.getStyleClass().add("steady-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(available);
        return bar;
    }

    /**
     * The note that sends the member to staff ({@code key}) once the camera has looked for its find
     * time without a picture; shown only with a camera.
     */
    public static Label helpNote(I18n i18n, String key, String id, ObservableBooleanValue shown,
                                 ObservableBooleanValue available) {
        Label help = Ui.label(i18n, key, "note");
        help.setId(id);
        help.visibleProperty().bind(javafx.beans.binding.Bindings.and(shown, available));
        help.managedProperty().bind(help.visibleProperty());
        return help;
    }

    /** The pen of the white guide (card frame, face oval). */
    public static void guidePen(GraphicsContext g) {
        g.setStroke(javafx.scene.paint.Color.WHITE);
        g.setLineWidth(4);
    }

    /** Shows a new frame and redraws the overlay for it. */
    public void draw(PreviewFrame f) {
        if (image == null || image.getWidth() != f.width() || image.getHeight() != f.height()) {
            image = new WritableImage(f.width(), f.height());
            live.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, f.width(), f.height(), PixelFormat.getByteBgraPreInstance(),
                f.bgra(), 0, f.width() * 4);
        redraw(f);
    }

    private void redraw(PreviewFrame f) {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        // The picture is fitted into the pane keeping its proportions; draw on the picture itself.
        double scale = f == null ? 1 : Math.min(width / f.width(), height / f.height());
        double w = f == null ? width : f.width() * scale;
        double h = f == null ? height : f.height() * scale;
        guide.draw(g, new Rectangle2D((width - w) / 2, (height - h) / 2, w, h), f);
    }

    /** Stops following the camera and drops the picture (the screen is left). */
    public void clear() {
        if (pulse != null) {
            pulse.stop();
            pulse = null;
        }
        live.setImage(null);
        image = null;
    }

    /** Draws the outline through a frame's four corners (shares of the picture), green when accepted. */
    public static void outline(GraphicsContext g, Rectangle2D area, PreviewFrame f) {
        if (f == null || !f.found()) {
            return;
        }
        double[] c = f.corners();
        g.setStroke(f.accept() ? javafx.scene.paint.Color.web("#2fbf5b") : javafx.scene.paint.Color.web("#ffb020"));
        g.setLineWidth(5);
        g.beginPath();
        g.moveTo(area.getMinX() + c[0] * area.getWidth(), area.getMinY() + c[1] * area.getHeight());
        for (int i = 2; i < 8; i += 2) {
            g.lineTo(area.getMinX() + c[i] * area.getWidth(), area.getMinY() + c[i + 1] * area.getHeight());
        }
        g.closePath();
        g.stroke();
    }
}
