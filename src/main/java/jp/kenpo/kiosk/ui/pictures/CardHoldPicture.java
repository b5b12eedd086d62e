package jp.kenpo.kiosk.ui.pictures;

import javafx.beans.binding.StringBinding;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import jp.kenpo.kiosk.ui.I18n;

/**
 * How the card should look in the preview: the whole card lying flat and square inside the white
 * guide frame, filling most of it, with the green outline the preview draws round a card it found
 * and a tick. The card is a made-up one (a silhouette, not a person; stamped 見本).
 */
public final class CardHoldPicture extends Picture {

    static final double W = 480;
    static final double H = 300;
    /** The guide frame's share of the picture, as the live preview's guide (ID-1 proportions inside). */
    private static final double GUIDE_W = 400;
    private static final double GUIDE_H = GUIDE_W * 54 / 85.6;
    /** The card fills most of the guide, with the frame still seen round it. */
    private static final double CARD_W = GUIDE_W * 0.84;
    private static final double CARD_H = CARD_W * 54 / 85.6;

    private final Rectangle guide;
    private final Rectangle card;

    public CardHoldPicture(I18n i18n) {
        super(W, H);
        getStyleClass().add("card-hold-picture");
        StringBinding text = i18n.text("picture.cardHold");
        describe(text);
        var g = drawing().getChildren();
        g.add(Ink.box(0, 0, W, H, 24, Color.web("#1b222b"), null, 0));
        double gx = (W - GUIDE_W) / 2;
        double gy = (H - GUIDE_H) / 2;
        guide = Ink.box(gx, gy, GUIDE_W, GUIDE_H, 18, null, Color.WHITE, 6);
        guide.setId("hold-guide");
        double cx = (W - CARD_W) / 2;
        double cy = (H - CARD_H) / 2;
        card = Ink.box(cx, cy, CARD_W, CARD_H, 16, Color.web("#eef3f8"), null, 0);
        card.setId("hold-card");
        g.addAll(card, Ink.box(cx, cy, CARD_W, 36, 16, Color.web("#5f9e78"), null, 0),
                Ink.box(cx, cy + 20, CARD_W, 16, 0, Color.web("#5f9e78"), null, 0));
        // lines of print and a silhouette where the photo would be
        for (int i = 0; i < 4; i++) {
            g.add(Ink.printLine(cx + 18, cy + 56 + i * 30, 190 - i * 22, 14));
        }
        g.add(Ink.box(cx + CARD_W - 112, cy + 54, 92, 116, 6, Color.web("#c9d6e3"), null, 0));
        Circle head = new Circle(cx + CARD_W - 66, cy + 94, 22, Color.web("#8ea3b8"));
        Rectangle body = Ink.box(cx + CARD_W - 100, cy + 124, 68, 46, 30, Color.web("#8ea3b8"), null, 0);
        g.addAll(head, body, Ink.words("見本", cx + 20, cy + CARD_H - 16, 26, true, Color.web("#d9534f")));
        g.add(Ink.box(cx - 4, cy - 4, CARD_W + 8, CARD_H + 8, 20, null, Color.web("#2fbf5b"), 6));
        g.add(guide);
        // a tick: this is right
        Circle okDisc = new Circle(W - 44, H - 40, 30, Color.web("#2fbf5b"));
        okDisc.setStroke(Color.WHITE);
        okDisc.setStrokeWidth(4);
        Polyline tick = new Polyline(W - 58, H - 40, W - 48, H - 29, W - 29, H - 51);
        tick.setStroke(Color.WHITE);
        tick.setStrokeWidth(7);
        tick.setStrokeLineCap(StrokeLineCap.ROUND);
        tick.setStrokeLineJoin(StrokeLineJoin.ROUND);
        g.addAll(okDisc, tick);
    }

    /** Whether the drawn card lies wholly inside the drawn guide, square to it. */
    public boolean cardInsideGuide() {
        var c = card.getBoundsInParent();
        var f = guide.getBoundsInParent();
        return card.getRotate() == 0 && f.contains(c);
    }
}
