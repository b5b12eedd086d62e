package jp.kenpo.kiosk.ui.pictures;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.ui.I18n;

/**
 * The insurance card (保険証; the 資格確認書 that replaces it prints the same fields in the same
 * places): 記号・番号・枝番 on the line under the title, as the union's card pattern (①–④) prints
 * them, and 保険者番号 near the bottom. The field being asked is filled yellow, outlined and pointed
 * at. The people, numbers and union on it are made up; it is stamped 見本.
 */
public final class CardPicture extends Picture {

    /** The places on the card a screen may ask for. */
    public enum Spot {
        INSURER_NUMBER("picture.card.insurerNumber"),
        SYMBOL("picture.card.symbol"),
        SYMBOL_FRONT("picture.card.symbolFront"),
        SYMBOL_BACK("picture.card.symbolBack"),
        NUMBER("picture.card.number"),
        BRANCH("picture.card.branch");

        private final String textKey;

        Spot(String textKey) {
            this.textKey = textKey;
        }

        /** The accessible text: 「保険証の下のほうにある保険者番号の場所」. */
        public String textKey() {
            return textKey;
        }

        public static Spot of(InsuranceCard.Field field) {
            return switch (field) {
                case SYMBOL -> SYMBOL;
                case SYMBOL_FRONT -> SYMBOL_FRONT;
                case SYMBOL_BACK -> SYMBOL_BACK;
                case NUMBER -> NUMBER;
                case BRANCH -> BRANCH;
            };
        }
    }

    static final double W = 856;
    static final double H = 540;
    private static final double ROW_Y = 96;
    private static final double ROW_H = 60;
    private static final double LABEL = 30;

    private final Map<Spot, Rectangle> boxes = new EnumMap<>(Spot.class);
    private final Map<Spot, Shape> digits = new EnumMap<>(Spot.class);
    private final ObservableValue<Spot> highlighted;
    private Polygon pointer;

    /**
     * @param pattern how the union's card prints 記号・番号
     * @param branch whether the card prints 枝番 (drawn only where the union asks for it)
     * @param highlighted the place being asked; the picture follows it
     */
    public CardPicture(I18n i18n, CardPattern pattern, boolean branch, ObservableValue<Spot> highlighted) {
        super(W, H);
        describe(Bindings.createStringBinding(() -> i18n.get(highlighted.getValue().textKey()),
                highlighted, i18n.localeProperty()));
        this.highlighted = highlighted;
        getStyleClass().add("card-picture");
        drawCard();
        drawNumbers(pattern, branch);
        mark(highlighted.getValue());
        highlighted.addListener((o, was, now) -> mark(now));
    }

    private void drawCard() {
        var g = drawing().getChildren();
        g.add(Ink.box(0, 0, W, H, 40, Color.web("#f7fbff"), Color.web("#7d8fa3"), 3));
        Rectangle band = Ink.box(1.5, 1.5, W - 3, 74, 38, Color.web("#cfe0f3"), null, 0);
        g.add(band);
        g.add(Ink.box(1.5, 40, W - 3, 36, 0, Color.web("#cfe0f3"), null, 0));
        g.add(Ink.words("健康保険被保険者証", 28, 54, 36, true, Ink.PRINT));
        g.add(Ink.words("本人（被保険者）", 600, 52, 26, false, Ink.PRINT));
        // the lines that do not matter here: name, birthdate, date of entitlement, employer
        String[] labels = {"氏名", "生年月日", "資格取得年月日"};
        double[] lengths = {360, 260, 240};
        for (int i = 0; i < labels.length; i++) {
            double y = 210 + i * 52;
            g.add(Ink.words(labels[i], 28, y, 24, false, Ink.PRINT));
            g.add(Ink.printLine(250, y - 20, lengths[i], 22));
        }
        g.add(line(20, 360, W - 20, 360));
        g.add(Ink.words("事業所名称", 28, 402, 24, false, Ink.PRINT));
        g.add(Ink.printLine(250, 382, 300, 22));
        g.add(Ink.words("保険者番号", 28, 462, LABEL, false, Ink.PRINT));
        g.add(Ink.words("保険者名称", 28, 516, 24, false, Ink.PRINT));
        g.add(Ink.words("見本健康保険組合", 220, 516, 24, false, Ink.PRINT));
        field(Spot.INSURER_NUMBER, 200, 424, 250, 56, "06130012");
        // a seal and the sample stamp: a drawing of a card, not a card
        Rectangle seal = Ink.box(744, 430, 78, 78, 8, null, Color.web("#c0392b"), 4);
        g.add(seal);
        g.add(Ink.centred("印", 783, 484, 40, true, Color.web("#c0392b")));
        Circle stamp = new Circle(724, 250, 62, null);
        stamp.setStroke(Color.web("#d9534f"));
        stamp.setStrokeWidth(5);
        g.add(stamp);
        Shape sample = Ink.centred("見本", 724, 270, 48, true, Color.web("#d9534f"));
        g.add(sample);
    }

    private void drawNumbers(CardPattern pattern, boolean branch) {
        var g = drawing().getChildren();
        double labelY = ROW_Y + 42;
        double x;
        switch (pattern) {
            case SYMBOL_AND_NUMBER -> {
                g.add(Ink.words("記号", 28, labelY, LABEL, false, Ink.PRINT));
                field(Spot.SYMBOL, 96, ROW_Y, 190, ROW_H, "1234");
                g.add(Ink.words("番号", 306, labelY, LABEL, false, Ink.PRINT));
                field(Spot.NUMBER, 374, ROW_Y, 180, ROW_H, "5678");
                x = 574;
            }
            case SYMBOL_SPLIT_AND_NUMBER -> {
                g.add(Ink.words("記号", 28, labelY, LABEL, false, Ink.PRINT));
                field(Spot.SYMBOL_FRONT, 96, ROW_Y, 96, ROW_H, "12");
                g.add(Ink.centred("-", 206, labelY, 36, true, Ink.PRINT));
                field(Spot.SYMBOL_BACK, 220, ROW_Y, 120, ROW_H, "456");
                g.add(Ink.words("番号", 360, labelY, LABEL, false, Ink.PRINT));
                field(Spot.NUMBER, 428, ROW_Y, 150, ROW_H, "5678");
                x = 598;
            }
            case NUMBER_WITH_HYPHEN -> {
                g.add(Ink.words("番号", 28, labelY, LABEL, false, Ink.PRINT));
                field(Spot.NUMBER, 96, ROW_Y, 290, ROW_H, "1234-5678");
                x = 420;
            }
            case NUMBER_ONLY -> {
                g.add(Ink.words("番号", 28, labelY, LABEL, false, Ink.PRINT));
                field(Spot.NUMBER, 96, ROW_Y, 270, ROW_H, "12345678");
                x = 400;
            }
            default -> throw new IllegalArgumentException(String.valueOf(pattern));
        }
        if (branch) {
            g.add(Ink.words("枝番", x, labelY, LABEL, false, Ink.PRINT));
            field(Spot.BRANCH, x + 68, ROW_Y, 96, ROW_H, "01");
        }
    }

    private void field(Spot spot, double x, double y, double w, double h, String text) {
        Rectangle box = Ink.box(x, y, w, h, 10, Color.WHITE, Ink.LINE, 2);
        box.setId("card-" + spot.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        Shape printed = Ink.centred(text, x + w / 2, y + h / 2 + 13, 36, true, Ink.PRINT);
        boxes.put(spot, box);
        digits.put(spot, printed);
        drawing().getChildren().addAll(box, printed);
    }

    private static Line line(double x1, double y1, double x2, double y2) {
        Line l = new Line(x1, y1, x2, y2);
        l.setStroke(Ink.FAINT);
        l.setStrokeWidth(2);
        return l;
    }

    /** Fills and outlines the asked place, and points at it from below (the top line) or the right. */
    private void mark(Spot spot) {
        boxes.forEach((s, box) -> {
            boolean on = s == spot;
            box.setFill(on ? Ink.MARK_FILL : Color.WHITE);
            box.setStroke(on ? Ink.MARK_LINE : Ink.LINE);
            box.setStrokeWidth(on ? 7 : 2);
        });
        drawing().getChildren().remove(pointer);
        pointer = null;
        Rectangle box = boxes.get(spot);
        if (box == null) {
            return; // not on this card's pattern: nothing to point at
        }
        Bounds b = box.getBoundsInParent();
        if (spot == Spot.INSURER_NUMBER) {
            pointer = Ink.arrow(b.getMaxX() + 6, b.getCenterY(), -1, 0, 200, 34, Ink.MARK_LINE);
        } else {
            pointer = Ink.arrow(b.getCenterX(), b.getMaxY() + 6, 0, -1, 150, 34, Ink.MARK_LINE);
        }
        pointer.setId("card-pointer");
        drawing().getChildren().add(pointer);
        box.toFront();
        digits.get(spot).toFront(); // the digits stay readable over the fill
    }

    /** The place highlighted now. */
    public Spot highlighted() {
        return highlighted.getValue();
    }

    /** A place's box on the drawing, in the drawing's units; {@code null} where this pattern has none. */
    public Bounds spotBounds(Spot spot) {
        Rectangle box = boxes.get(spot);
        return box == null ? null : box.getBoundsInParent();
    }

    /** Whether a place is drawn filled and outlined as the asked one. */
    public boolean drawnAsAsked(Spot spot) {
        Rectangle box = boxes.get(spot);
        return box != null && Ink.MARK_FILL.equals(box.getFill()) && Ink.MARK_LINE.equals(box.getStroke());
    }

    /** Where the pointer's tip is, in the drawing's units; {@code null} without a pointer. */
    public Point2D pointerTip() {
        return pointer == null ? null : new Point2D(pointer.getPoints().get(0), pointer.getPoints().get(1));
    }

    /** The card's size in the drawing's units. */
    public static Bounds cardBounds() {
        return new javafx.geometry.BoundingBox(0, 0, W, H);
    }
}
