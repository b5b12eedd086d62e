package jp.kenpo.kiosk.ui.pictures;

import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The pictures' pens: boxes, words printed on a drawn card, arrows. Words on a drawing are turned
 * into outlines: they are part of the picture, scaled with it, not text for the member to read (what
 * the picture shows is its accessible text, and the screen says it in full-size words).
 */
final class Ink {

    /** The highlight of the field being asked: a warm yellow fill, a dark orange outline and pointer. */
    static final Color MARK_FILL = Color.web("#ffe066");
    static final Color MARK_LINE = Color.web("#c2410c");
    static final Color PRINT = Color.web("#2b3440");
    static final Color FAINT = Color.web("#c5ced8");
    static final Color LINE = Color.web("#8a9aab");

    private Ink() {
    }

    static Rectangle box(double x, double y, double w, double h, double arc, Paint fill, Paint stroke, double width) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        r.setFill(fill);
        r.setStroke(stroke);
        r.setStrokeWidth(width);
        return r;
    }

    /** A word printed at (x, baseline y), as an outline in the drawing's units. */
    static Shape words(String text, double x, double y, double size, boolean bold, Paint fill) {
        Text t = new Text(x, y, text);
        t.setFont(Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        t.setTextAlignment(TextAlignment.LEFT);
        Shape outline = Shape.subtract(t, new Rectangle(0, 0, 0, 0));
        outline.setFill(fill);
        outline.setStroke(null);
        return outline;
    }

    /** Words centred on x. */
    static Shape centred(String text, double x, double y, double size, boolean bold, Paint fill) {
        Shape s = words(text, 0, y, size, bold, fill);
        s.setTranslateX(x - s.getLayoutBounds().getWidth() / 2 - s.getLayoutBounds().getMinX());
        return s;
    }

    /** A grey bar standing for a line of print that does not matter here. */
    static Rectangle printLine(double x, double y, double w, double h) {
        return box(x, y, w, h, h, FAINT, null, 0);
    }

    /**
     * A thick arrow whose tip is at (tipX, tipY), coming from the direction (dx, dy) (a unit vector
     * pointing from the tail to the tip), {@code length} long.
     */
    static Polygon arrow(double tipX, double tipY, double dx, double dy, double length, double width, Paint fill) {
        double nx = -dy;
        double ny = dx;
        double head = width * 1.9;
        double headLen = width * 1.7;
        double bx = tipX - dx * headLen;
        double by = tipY - dy * headLen;
        double tx = tipX - dx * length;
        double ty = tipY - dy * length;
        double hw = width / 2;
        Polygon p = new Polygon(
                tipX, tipY,
                bx + nx * head / 2, by + ny * head / 2,
                bx + nx * hw, by + ny * hw,
                tx + nx * hw, ty + ny * hw,
                tx - nx * hw, ty - ny * hw,
                bx - nx * hw, by - ny * hw,
                bx - nx * head / 2, by - ny * head / 2);
        p.setFill(fill);
        p.setStroke(Color.WHITE);
        p.setStrokeWidth(width / 4);
        p.setStrokeLineJoin(StrokeLineJoin.ROUND);
        return p;
    }
}
