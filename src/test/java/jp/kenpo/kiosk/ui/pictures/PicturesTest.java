package jp.kenpo.kiosk.ui.pictures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.animation.Animation;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.face.Pose;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.ui.I18n;
import jp.kenpo.kiosk.ui.pictures.CardPicture.Spot;

/**
 * The pictures: the card marks the place asked for and points at it, and only that place; the head
 * turns the way of the instruction, opens its mouth only when asked, and stops when its screen closes.
 */
class PicturesTest {

    private final I18n i18n = new I18n();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }

    /** The spots each pattern prints: 記号・番号 as the pattern has them, 枝番 where used, 保険者番号 always. */
    private static List<Spot> spots(CardPattern pattern, boolean branch) {
        List<Spot> spots = new ArrayList<>(switch (pattern) {
            case SYMBOL_AND_NUMBER -> List.of(Spot.SYMBOL, Spot.NUMBER);
            case SYMBOL_SPLIT_AND_NUMBER -> List.of(Spot.SYMBOL_FRONT, Spot.SYMBOL_BACK, Spot.NUMBER);
            case NUMBER_ONLY, NUMBER_WITH_HYPHEN -> List.of(Spot.NUMBER);
        });
        if (branch) {
            spots.add(Spot.BRANCH);
        }
        spots.add(Spot.INSURER_NUMBER);
        return spots;
    }

    @Test
    void theCardMarksAndPointsAtTheAskedPlaceOnEveryPattern() throws Exception {
        for (CardPattern pattern : CardPattern.values()) {
            for (boolean branch : new boolean[] {false, true}) {
                List<Spot> printed = spots(pattern, branch);
                var asked = new SimpleObjectProperty<>(printed.get(0));
                CardPicture card = fx(() -> new CardPicture(i18n, pattern, branch, asked));
                for (Spot spot : Spot.values()) {
                    String as = pattern + (branch ? " with 枝番" : "") + ", " + spot;
                    assertThat(card.spotBounds(spot) != null).as(as + " is printed").isEqualTo(printed.contains(spot));
                }
                for (Spot spot : printed) {
                    String as = pattern + (branch ? " with 枝番" : "") + ", asking " + spot;
                    fx(() -> {
                        asked.set(spot);
                        return null;
                    });
                    assertThat(card.highlighted()).as(as).isEqualTo(spot);
                    for (Spot other : printed) {
                        assertThat(card.drawnAsAsked(other)).as(as + ": " + other + " marked").isEqualTo(other == spot);
                    }
                    Bounds b = card.spotBounds(spot);
                    Point2D tip = card.pointerTip();
                    assertThat(tip).as(as + ": a pointer").isNotNull();
                    double gap = Math.max(Math.max(b.getMinX() - tip.getX(), tip.getX() - b.getMaxX()),
                            Math.max(b.getMinY() - tip.getY(), tip.getY() - b.getMaxY()));
                    assertThat(gap).as(as + ": the pointer's tip touches the place").isBetween(0.0, 12.0);
                    // where the accessible text says it is
                    double share = b.getCenterY() / CardPicture.cardBounds().getHeight();
                    if (spot == Spot.INSURER_NUMBER) {
                        assertThat(share).as(as + ": near the bottom").isGreaterThan(0.66);
                    } else {
                        assertThat(share).as(as + ": near the top").isLessThan(0.34);
                    }
                    assertThat(card.getAccessibleText()).as(as).isEqualTo(i18n.get(spot.textKey()));
                }
                // printed in the order of the member's form, left to right
                List<Spot> topLine = printed.subList(0, printed.size() - 1);
                for (int i = 1; i < topLine.size(); i++) {
                    assertThat(card.spotBounds(topLine.get(i)).getMinX())
                            .as(pattern + ": " + topLine.get(i) + " right of " + topLine.get(i - 1))
                            .isGreaterThan(card.spotBounds(topLine.get(i - 1)).getMaxX());
                }
            }
        }
    }

    @Test
    void theHeadTurnsTheWayOfTheInstructionAndOpensTheMouthOnlyWhenAsked() throws Exception {
        for (Pose pose : Pose.INSTRUCTIONS) {
            HeadTurnPicture head = fx(() -> {
                HeadTurnPicture h = new HeadTurnPicture(i18n, pose);
                new Scene(new StackPane(h), 400, 400);
                h.animation().pause();
                return h;
            });
            double side = pose.direction() == Pose.Direction.RIGHT ? 1 : -1;
            double[] start = at(head, Duration.ZERO);
            assertThat(start[0]).as(pose + ": frontal at first").isEqualTo(0.0);
            assertThat(start[1]).as(pose + ": the features centred").isEqualTo(0.0);
            double[] turning = at(head, HeadTurnPicture.TURNED.multiply(0.7));
            assertThat(turning[0] * side).as(pose + ": turning the right way").isGreaterThan(0.2);
            assertThat(turning[1] * side).as(pose + ": the face moves that way").isGreaterThan(5);
            double[] held = at(head, HeadTurnPicture.HELD.subtract(Duration.millis(100)));
            assertThat(held[0]).as(pose + ": fully turned").isEqualTo(side);
            assertThat(held[1]).isEqualTo(side * HeadTurnPicture.FEATURE_SHIFT);
            assertThat(held[2]).as(pose + ": the mouth")
                    .isEqualTo(pose.mouth() == Pose.Mouth.OPEN ? 1.0 : 0.0);
            assertThat(head.getAccessibleText()).isEqualTo(i18n.get(HeadTurnPicture.textKey(pose)));
            fx(() -> {
                head.dispose();
                return null;
            });
        }
    }

    /** The head's turn, its features' shift and the mouth at a position of its movement. */
    private static double[] at(HeadTurnPicture head, Duration t) throws Exception {
        return fx(() -> {
            head.animation().jumpTo(t);
            return new double[] {head.turn(), head.lookup("#head-features").getTranslateX(), head.mouthOpening()};
        });
    }

    @Test
    void theHeadMovesOnlyInAWindowAndStopsForGoodWhenItsScreenCloses() throws Exception {
        Pose pose = Pose.INSTRUCTIONS.get(0);
        StackPane root = fx(() -> {
            StackPane r = new StackPane();
            new Scene(r, 400, 400);
            return r;
        });
        HeadTurnPicture head = fx(() -> new HeadTurnPicture(i18n, pose));
        assertThat(head.animation().getStatus()).as("not in a window yet").isEqualTo(Animation.Status.STOPPED);
        fx(() -> root.getChildren().add(head));
        assertThat(head.animation().getStatus()).isEqualTo(Animation.Status.RUNNING);
        fx(() -> root.getChildren().remove(head));
        assertThat(head.animation().getStatus()).as("taken out of the window").isEqualTo(Animation.Status.STOPPED);
        fx(() -> root.getChildren().add(head));
        Animation first = head.animation();
        fx(() -> {
            head.show(Pose.INSTRUCTIONS.get(3));
            return null;
        });
        assertThat(first.getStatus()).as("the old instruction's movement").isEqualTo(Animation.Status.STOPPED);
        assertThat(head.animation().getStatus()).isEqualTo(Animation.Status.RUNNING);
        fx(() -> {
            head.dispose();
            return null;
        });
        assertThat(head.animation().getStatus()).as("closed").isEqualTo(Animation.Status.STOPPED);
        fx(() -> {
            root.getChildren().remove(head);
            root.getChildren().add(head);
            head.show(Pose.INSTRUCTIONS.get(1));
            return null;
        });
        assertThat(head.animation().getStatus()).as("closed for good").isEqualTo(Animation.Status.STOPPED);
    }

    @Test
    void heldTheHeadShowsTheAskedFrameAndStaysStill() throws Exception {
        Pose leftOpen = new Pose(Pose.Direction.LEFT, Pose.Mouth.OPEN);
        HeadTurnPicture head = fx(() -> {
            HeadTurnPicture h = new HeadTurnPicture(i18n, leftOpen);
            new Scene(new StackPane(h), 400, 400);
            h.holdTurned();
            return h;
        });
        assertThat(head.animation().getStatus()).isEqualTo(Animation.Status.STOPPED);
        assertThat(head.turn()).isEqualTo(-1.0);
        assertThat(head.mouthOpening()).isEqualTo(1.0);
        Pose rightClosed = new Pose(Pose.Direction.RIGHT, Pose.Mouth.CLOSED);
        fx(() -> {
            head.show(rightClosed);
            return null;
        });
        assertThat(head.animation().getStatus()).as("a new instruction while held").isEqualTo(Animation.Status.STOPPED);
        assertThat(head.turn()).isEqualTo(1.0);
        assertThat(head.mouthOpening()).isEqualTo(0.0);
    }

    @Test
    void theCardLiesWhollyInsideTheGuideAndEachDocumentSaysWhatItShows() throws Exception {
        CardHoldPicture hold = fx(() -> new CardHoldPicture(i18n));
        assertThat(hold.cardInsideGuide()).isTrue();
        assertThat(hold.getAccessibleText()).isEqualTo(i18n.get("picture.cardHold"));
        for (DocumentType t : DocumentType.values()) {
            DocumentPicture p = fx(() -> new DocumentPicture(i18n, t));
            assertThat(p.getAccessibleText()).as(t.name()).isEqualTo(i18n.get(DocumentPicture.textKey(t)));
        }
    }

    @Test
    void aPictureShrinksToTheRoomItIsGivenAndKeepsItsProportions() throws Exception {
        var asked = new SimpleObjectProperty<>(Spot.INSURER_NUMBER);
        CardPicture card = fx(() -> {
            CardPicture c = new CardPicture(i18n, CardPattern.SYMBOL_AND_NUMBER, true, asked);
            c.filling();
            StackPane box = new StackPane(c);
            new Scene(box, 300, 120);
            box.applyCss();
            box.layout();
            return c;
        });
        assertThat(card.getWidth()).isEqualTo(300.0);
        assertThat(card.drawingScale()).as("limited by the height").isEqualTo(120 / CardPicture.H);
        assertThat(card.drawn()).isTrue();
        // in a column that has no room left, it takes none and is left out
        javafx.scene.control.Button below = new javafx.scene.control.Button("撮影する");
        javafx.scene.layout.VBox column = fx(() -> {
            javafx.scene.layout.VBox v = new javafx.scene.layout.VBox(new javafx.scene.control.Label("説明"), card, below);
            javafx.scene.layout.VBox.setVgrow(card, javafx.scene.layout.Priority.ALWAYS);
            new Scene(v, 300, 0);
            v.applyCss();
            v.resize(300, v.prefHeight(300) + 20);
            v.layout();
            return v;
        });
        assertThat(card.getHeight()).isLessThanOrEqualTo(20.0);
        assertThat(card.drawn()).as("too small to tell anything").isFalse();
        assertThat(below.getBoundsInParent().getMaxY()).as("the button below stays in the column")
                .isLessThanOrEqualTo(column.getHeight() + 1);
    }
}
