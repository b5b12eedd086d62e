package jp.kenpo.kiosk.ui.pictures;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.ui.I18n;

/**
 * A drawn head that shows the second angle's instruction: it faces the member, turns the way asked
 * and opens its mouth where asked, then comes back and starts again. The head is drawn as the member's
 * own reflection, the way an exercise instructor on television demonstrates: 「右を向いて」 turns it
 * towards the screen's right, the side of the member's right hand, and an arrow above it points
 * there too. It moves only while it is in a window and stops for good at {@link #dispose()}.
 */
public final class HeadTurnPicture extends Picture {

    /** One round: frontal, turning, the mouth, holding, back. */
    static final Duration TURNED = Duration.seconds(1.4);
    static final Duration MOUTH_DONE = Duration.seconds(2.0);
    static final Duration HELD = Duration.seconds(3.2);
    static final Duration ROUND = Duration.seconds(4.0);
    /** How far the face's features move sideways at the full turn, in the drawing's units. */
    static final double FEATURE_SHIFT = 38;

    private static final double W = 440;
    private static final double H = 380;
    private static final double CX = 220;
    private static final double CY = 210;

    private final ObjectProperty<Pose> pose = new SimpleObjectProperty<>();
    /** −1 turned fully to the screen's left … 0 facing the member … 1 fully to the screen's right. */
    private final DoubleProperty turn = new SimpleDoubleProperty();
    /** 0 mouth closed … 1 open. */
    private final DoubleProperty mouth = new SimpleDoubleProperty();
    private final Group features = new Group();
    private final Group arrow = new Group();
    private Timeline timeline;
    private boolean disposed;
    private boolean still;

    public HeadTurnPicture(I18n i18n, Pose initial) {
        super(W, H);
        getStyleClass().add("head-picture");
        draw();
        show(initial);
        describe(Bindings.createStringBinding(() -> i18n.get(textKey(pose.get())), pose, i18n.localeProperty()));
        sceneProperty().addListener((o, was, now) -> playWhileShown());
    }

    /** The accessible text's key for a pose. */
    static String textKey(Pose p) {
        boolean open = p.mouth() == Pose.Mouth.OPEN;
        return switch (p.direction()) {
            case RIGHT -> open ? "picture.head.right.open" : "picture.head.right.closed";
            case LEFT -> open ? "picture.head.left.open" : "picture.head.left.closed";
            case FRONTAL -> throw new IllegalArgumentException("the second angle is never frontal");
        };
    }

    private void draw() {
        var g = drawing().getChildren();
        g.add(Ink.box(0, 0, W, H, 0, Color.TRANSPARENT, null, 0));
        Color skin = Color.web("#f1c9a5");
        Color skinLine = Color.web("#b9855f");
        Color hair = Color.web("#4a3b32");
        // shoulders and neck
        Rectangle neck = Ink.box(CX - 38, CY + 100, 76, 60, 0, skin, skinLine, 2);
        Arc shoulders = new Arc(CX, H, 170, 70, 0, 180);
        shoulders.setType(ArcType.CHORD);
        shoulders.setFill(Color.web("#5b7fa6"));
        // ears: the one on the side the face turns to goes behind the cheek
        Ellipse earLeft = ear(CX - 104, skin, skinLine);
        Ellipse earRight = ear(CX + 104, skin, skinLine);
        earLeft.opacityProperty().bind(Bindings.createDoubleBinding(() -> 1 - Math.max(0, -turn.get()), turn));
        earRight.opacityProperty().bind(Bindings.createDoubleBinding(() -> 1 - Math.max(0, turn.get()), turn));
        earLeft.translateXProperty().bind(turn.multiply(6));
        earRight.translateXProperty().bind(turn.multiply(6));
        Ellipse face = new Ellipse(CX, CY, 102, 128);
        face.setFill(skin);
        face.setStroke(skinLine);
        face.setStrokeWidth(2);
        // hair: the back of the head shows on the far side as the face turns away
        Arc top = new Arc(CX, CY - 52, 108, 84, 0, 180);
        top.setType(ArcType.CHORD);
        top.setFill(hair);
        top.translateXProperty().bind(turn.multiply(-14));
        g.addAll(shoulders, neck, earLeft, earRight, face, top);

        Ellipse eyeLeft = eye(CX - 38);
        Ellipse eyeRight = eye(CX + 38);
        // the eye on the near side of the turn narrows most
        eyeLeft.scaleXProperty().bind(Bindings.createDoubleBinding(
                () -> 1 - 0.5 * Math.max(0, -turn.get()) - 0.1 * Math.max(0, turn.get()), turn));
        eyeRight.scaleXProperty().bind(Bindings.createDoubleBinding(
                () -> 1 - 0.5 * Math.max(0, turn.get()) - 0.1 * Math.max(0, -turn.get()), turn));
        Rectangle browLeft = Ink.box(CX - 56, CY - 38, 36, 8, 8, hair, null, 0);
        Rectangle browRight = Ink.box(CX + 20, CY - 38, 36, 8, 8, hair, null, 0);
        browLeft.scaleXProperty().bind(eyeLeft.scaleXProperty());
        browRight.scaleXProperty().bind(eyeRight.scaleXProperty());
        Polygon nose = new Polygon();
        nose.setFill(Color.web("#dca57f"));
        turn.addListener((o, was, now) -> shapeNose(nose));
        shapeNose(nose);
        Ellipse mouthShape = new Ellipse(CX, CY + 70, 30, 4);
        mouthShape.setFill(Color.web("#8c2f39"));
        mouthShape.radiusYProperty().bind(mouth.multiply(18).add(4));
        mouthShape.radiusXProperty().bind(mouth.multiply(-6).add(30));
        features.getChildren().addAll(browLeft, browRight, eyeLeft, eyeRight, nose, mouthShape);
        features.translateXProperty().bind(turn.multiply(FEATURE_SHIFT));
        features.setId("head-features");
        g.addAll(features, arrow);
    }

    private static Ellipse ear(double x, Color skin, Color line) {
        Ellipse e = new Ellipse(x, CY + 8, 16, 30);
        e.setFill(skin);
        e.setStroke(line);
        e.setStrokeWidth(2);
        return e;
    }

    private static Ellipse eye(double x) {
        Ellipse e = new Ellipse(x, CY - 12, 13, 10);
        e.setFill(Color.web("#2b2320"));
        return e;
    }

    /** The nose: a wedge whose tip points the way the head turns. */
    private void shapeNose(Polygon nose) {
        double tip = turn.get() * 20;
        nose.getPoints().setAll(CX - 7, CY - 2, CX + 7, CY - 2, CX + 12 + tip, CY + 34, CX - 12 + tip, CY + 34);
    }

    /** Shows another instruction: the arrow and the movement follow it, from the frontal face. */
    public void show(Pose p) {
        if (p.direction() == Pose.Direction.FRONTAL) {
            throw new IllegalArgumentException("the second angle is never frontal");
        }
        pose.set(p);
        double side = p.direction() == Pose.Direction.RIGHT ? 1 : -1;
        double open = p.mouth() == Pose.Mouth.OPEN ? 1 : 0;
        arrow.getChildren().setAll(Ink.arrow(CX + side * 170, 40, side, 0, 250, 28, Color.web("#0b5cad")));
        arrow.setId("head-arrow");
        if (timeline != null) {
            timeline.stop();
        }
        turn.set(0);
        mouth.set(0);
        timeline = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(turn, 0), new KeyValue(mouth, 0)),
                new KeyFrame(Duration.seconds(0.4), new KeyValue(turn, 0), new KeyValue(mouth, 0)),
                new KeyFrame(TURNED, new KeyValue(turn, side, Interpolator.EASE_BOTH), new KeyValue(mouth, 0)),
                new KeyFrame(MOUTH_DONE, new KeyValue(turn, side), new KeyValue(mouth, open, Interpolator.EASE_BOTH)),
                new KeyFrame(HELD, new KeyValue(turn, side), new KeyValue(mouth, open)),
                new KeyFrame(ROUND, new KeyValue(turn, 0, Interpolator.EASE_BOTH), new KeyValue(mouth, 0)));
        timeline.setCycleCount(Animation.INDEFINITE);
        if (still) {
            holdTurned();
        } else {
            playWhileShown();
        }
    }

    private void playWhileShown() {
        if (timeline == null) {
            return;
        }
        if (!disposed && !still && getScene() != null) {
            timeline.play();
        } else {
            timeline.stop();
        }
    }

    /**
     * Stops at the frame the instruction asks for, turned and with the mouth as asked: once the photo
     * is taken there is nothing more to show, and a screenshot shows this frame.
     */
    public void holdTurned() {
        still = true;
        timeline.stop();
        Pose p = pose.get();
        turn.set(p.direction() == Pose.Direction.RIGHT ? 1 : -1);
        mouth.set(p.mouth() == Pose.Mouth.OPEN ? 1 : 0);
    }

    /** Stops the movement for good (the screen is closed). */
    public void dispose() {
        disposed = true;
        if (timeline != null) {
            timeline.stop();
        }
    }

    /** Whether the head is moving now. */
    public boolean moving() {
        return timeline != null && timeline.getStatus() == Animation.Status.RUNNING;
    }

    /** The movement, for tests that set its position. */
    Animation animation() {
        return timeline;
    }

    /** How far the head is turned now: −1 to the screen's left, 0 frontal, 1 to the screen's right. */
    public double turn() {
        return turn.get();
    }

    /** How far the mouth is open now, 0–1. */
    public double mouthOpening() {
        return mouth.get();
    }

    /** The instruction shown. */
    public Pose pose() {
        return pose.get();
    }
}
