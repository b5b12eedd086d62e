package jp.kenpo.kiosk.ui.pictures;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * A vector drawing that fills the room its layout gives it: the drawing is made once in its own
 * units ({@link #designWidth} × {@link #designHeight}) and scaled uniformly to fit, centred. It asks
 * for its design width and for the height that keeps its proportions, and accepts less down to a
 * fifth of that, so that a screen with larger type shrinks the picture rather than pushing its
 * buttons away. To assistive technology it is one image with a text saying what it shows.
 */
public abstract class Picture extends Region {

    private final double designWidth;
    private final double designHeight;
    private final Group drawing = new Group();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private HPos alignment = HPos.CENTER;
    private boolean filling;

    protected Picture(double designWidth, double designHeight) {
        this.designWidth = designWidth;
        this.designHeight = designHeight;
        drawing.getTransforms().add(scale);
        drawing.setManaged(false);
        getChildren().add(drawing);
        getStyleClass().add("picture");
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setFocusTraversable(false);
    }

    /** Below this height on screen a drawing tells nothing: it is left out rather than shown as a speck. */
    static final double SMALLEST_SHOWN = 48;

    /**
     * Asks for no room of its own, so that the picture takes only the room left over by the words and
     * buttons beside it (give it a grow priority in its box) and never pushes them away; where too
     * little is left it is not drawn. A screen may still give it a minimum in its style sheet.
     */
    public final Picture filling() {
        filling = true;
        requestLayout();
        return this;
    }

    /** Where the drawing sits across when its box is wider than it: centred unless told. */
    public final Picture align(HPos across) {
        alignment = across;
        requestLayout();
        return this;
    }

    /** What the picture shows, in words, for assistive technology (in the member's language). */
    protected final void describe(ObservableStringValue text) {
        accessibleTextProperty().bind(text);
    }

    /** The group the subclass draws into, in design units. */
    protected final Group drawing() {
        return drawing;
    }

    /** Whether the drawing is shown: it is left out where its box is too small to tell anything. */
    public final boolean drawn() {
        return drawing.isVisible();
    }

    /** The scale at which the drawing is shown now (1 = design size). */
    public final double drawingScale() {
        return scale.getX();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        if (filling) {
            return designWidth / 5 + snappedLeftInset() + snappedRightInset();
        }
        double w = designWidth;
        if (height > 0) {
            w = Math.min(w, (height - snappedTopInset() - snappedBottomInset()) * designWidth / designHeight);
        }
        return w + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        if (filling) {
            return snappedTopInset() + snappedBottomInset();
        }
        double inner = width > 0 ? Math.min(designWidth, width - snappedLeftInset() - snappedRightInset()) : designWidth;
        return inner * designHeight / designWidth + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        if (filling) {
            return snappedLeftInset() + snappedRightInset();
        }
        return designWidth / 5 + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        if (filling) {
            return snappedTopInset() + snappedBottomInset();
        }
        return designHeight / 5 + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double s = Math.max(0, Math.min(w / designWidth, h / designHeight));
        drawing.setVisible(designHeight * s >= SMALLEST_SHOWN);
        scale.setX(s);
        scale.setY(s);
        double spare = w - designWidth * s;
        drawing.setLayoutX(snappedLeftInset()
                + (alignment == HPos.LEFT ? 0 : alignment == HPos.RIGHT ? spare : spare / 2));
        drawing.setLayoutY(snappedTopInset() + (h - designHeight * s) / 2);
    }
}
