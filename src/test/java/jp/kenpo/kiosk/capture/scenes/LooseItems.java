package jp.kenpo.kiosk.capture.scenes;

import static jp.kenpo.kiosk.capture.scenes.CardFaces.jitter;
import static jp.kenpo.kiosk.capture.scenes.CardFaces.text;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/**
 * Flat rectangular things that are not ID cards, seen instead of one: a printed sheet of paper, a phone, a
 * notebook and a shop receipt, in their real sizes. All print on them is synthetic.
 */
final class LooseItems {

    private static final String FILLER = "これは試験用の見本文書です。実在の人物、団体、番号とは関係ありません。"
            + "本日はご来店ありがとうございます。見本の文章が続きます。SAMPLE TEXT FOR TESTING ONLY. ";

    private LooseItems() {
    }

    /** A sheet of A4 (210 × 297 mm) or US letter (215.9 × 279.4 mm) with printed text lines. */
    static Sheet paper(Random r) {
        boolean a4 = r.nextInt(3) > 0;
        double w = a4 ? 210 : 215.9;
        double h = a4 ? 297 : 279.4;
        long seed = r.nextLong();
        return new Sheet(w, h, 0.6, 3.0, g -> {
            Random v = new Random(seed);
            ground(g, w, h, new Color(246, 246, 242), v, 6);
            Color ink = jitter(new Color(30, 30, 35), v, 10);
            double m = 22 + v.nextDouble() * 6;
            text(g, v.nextBoolean() ? "見本のお知らせ" : "SAMPLE NOTICE", m, 40, 8, ink, true);
            text(g, "2024年 見本月 見本日", w - m - 45, 28, 3.6, ink, false);
            double y = 58;
            boolean table = v.nextBoolean();
            while (y < h - 30) {
                if (v.nextInt(9) == 0) {
                    y += 5;
                    text(g, "■ 見本の見出し " + (1 + v.nextInt(9)), m, y, 4.6, ink, true);
                    y += 9;
                    continue;
                }
                if (table && v.nextInt(10) == 0 && y < h - 80) {
                    table = false;
                    g.setColor(ink);
                    g.setStroke(new BasicStroke(0.35f));
                    for (int i = 0; i <= 5; i++) {
                        g.draw(new Rectangle2D.Double(m, y + i * 7, w - 2 * m, 0.01));
                    }
                    for (int j = 0; j <= 3; j++) {
                        double x = m + j * (w - 2 * m) / 3;
                        g.draw(new Rectangle2D.Double(x, y, 0.01, 35));
                    }
                    y += 44;
                    continue;
                }
                int start = v.nextInt(FILLER.length() / 2);
                int len = 22 + v.nextInt(20);
                String line = (FILLER + FILLER).substring(start, start + len);
                text(g, line, m, y, 3.8, ink, false);
                y += 6.6;
            }
        });
    }

    /** A phone, about 71 × 147 mm: dark bezel, with a lit app screen or a dark screen. */
    static Sheet phone(Random r) {
        double w = 68 + r.nextDouble() * 8;
        double h = 143 + r.nextDouble() * 18;
        boolean lit = r.nextInt(3) > 0;
        long seed = r.nextLong();
        return new Sheet(w, h, 9, 6.0, g -> {
            Random v = new Random(seed);
            Color[] frames = {new Color(40, 40, 45), new Color(180, 180, 185), new Color(200, 180, 150)};
            ground(g, w, h, frames[v.nextInt(frames.length)], v, 8);
            g.setColor(new Color(8, 8, 10));
            g.fill(new RoundRectangle2D.Double(1.2, 1.2, w - 2.4, h - 2.4, 16, 16));
            double sx = 3.4;
            double sy = 4.0;
            RoundRectangle2D screen = new RoundRectangle2D.Double(sx, sy, w - 2 * sx, h - 2 * sy, 11, 11);
            if (!lit) {
                g.setPaint(new GradientPaint(0, 0, new Color(20, 22, 26), (float) w, (float) h, new Color(8, 8, 10)));
                g.fill(screen);
                // a faint reflection of the room on the glass
                java.awt.Shape old = g.getClip();
                g.clip(screen);
                g.setColor(new Color(255, 255, 255, 14));
                java.awt.geom.Path2D.Double streak = new java.awt.geom.Path2D.Double();
                double at = v.nextDouble() * h * 0.6;
                streak.moveTo(0, at + 30);
                streak.lineTo(w, at);
                streak.lineTo(w, at + 25);
                streak.lineTo(0, at + 55);
                streak.closePath();
                g.fill(streak);
                g.setClip(old);
            } else {
                boolean darkMode = v.nextInt(4) == 0;
                Color bg = darkMode ? new Color(28, 28, 32) : new Color(250, 250, 252);
                Color fg = darkMode ? new Color(225, 225, 230) : new Color(35, 35, 40);
                Color soft = darkMode ? new Color(120, 120, 128) : new Color(150, 150, 158);
                Color[] accents = {new Color(30, 110, 230), new Color(40, 170, 90), new Color(240, 120, 30),
                    new Color(200, 50, 90)};
                Color accent = accents[v.nextInt(accents.length)];
                java.awt.Shape old = g.getClip();
                g.clip(screen);
                g.setColor(bg);
                g.fill(screen);
                text(g, "12:" + (10 + v.nextInt(50)), sx + 5, sy + 5, 3.0, fg, true);
                g.setColor(fg);
                g.fill(new Rectangle2D.Double(w - sx - 14, sy + 2.5, 8, 2.8));
                g.setColor(accent);
                g.fill(new Rectangle2D.Double(sx, sy + 8, w, 14));
                text(g, "見本アプリ", sx + 5, sy + 17.5, 5.0, Color.WHITE, true);
                double y = sy + 27;
                while (y < h - 24) {
                    g.setColor(accents[v.nextInt(accents.length)]);
                    g.fill(new Ellipse2D.Double(sx + 4, y, 9, 9));
                    text(g, "見本 メッセージ " + (1 + v.nextInt(99)), sx + 16, y + 4, 3.2, fg, true);
                    g.setColor(soft);
                    g.fill(new Rectangle2D.Double(sx + 16, y + 6, 18 + v.nextDouble() * 25, 1.6));
                    g.setColor(soft);
                    g.fill(new Rectangle2D.Double(sx + 4, y + 12.2, w - 2 * sx - 8, 0.2));
                    y += 14;
                }
                g.setColor(darkMode ? new Color(40, 40, 46) : new Color(238, 238, 242));
                g.fill(new Rectangle2D.Double(0, h - sy - 14, w, 14));
                for (int i = 0; i < 4; i++) {
                    g.setColor(i == 0 ? accent : soft);
                    g.fill(new RoundRectangle2D.Double(sx + 6 + i * (w - 2 * sx - 12) / 3.6, h - sy - 10, 6, 6, 2, 2));
                }
                g.setClip(old);
            }
            g.setColor(new Color(5, 5, 5));
            g.fill(new Ellipse2D.Double(w / 2 - 1.5, sy + 1.2, 3, 3));
        });
    }

    /** A B5 notebook (182 × 257 mm): plain cover, cloth spine tape and sometimes a label. */
    static Sheet notebook(Random r) {
        long seed = r.nextLong();
        return new Sheet(182, 257, 2.5, 3.0, g -> {
            Random v = new Random(seed);
            Color[] covers = {new Color(40, 80, 160), new Color(50, 140, 90), new Color(190, 50, 50),
                new Color(230, 200, 60), new Color(120, 120, 125), new Color(190, 160, 120), new Color(240, 240, 235)};
            Color cover = jitter(covers[v.nextInt(covers.length)], v, 12);
            g.setColor(cover);
            g.fill(new Rectangle2D.Double(0, 0, 182, 257));
            g.setColor(jitter(cover.darker(), v, 10));
            g.fill(new Rectangle2D.Double(0, 0, 13, 257));
            Color ink = new Color(30, 30, 35);
            if (v.nextInt(4) > 0) {
                double lx = 40 + v.nextDouble() * 20;
                double ly = 30 + v.nextDouble() * 20;
                g.setColor(new Color(245, 245, 240));
                g.fill(new RoundRectangle2D.Double(lx, ly, 100, 60, 4, 4));
                g.setColor(cover);
                g.setStroke(new BasicStroke(0.6f));
                g.draw(new RoundRectangle2D.Double(lx + 2, ly + 2, 96, 56, 3, 3));
                text(g, v.nextBoolean() ? "NOTEBOOK" : "ノート", lx + 8, ly + 15, 8, ink, true);
                g.setStroke(new BasicStroke(0.3f));
                for (int i = 0; i < 3; i++) {
                    g.draw(new Rectangle2D.Double(lx + 8, ly + 27 + i * 11, 84, 0.01));
                }
                text(g, "No.", lx + 8, ly + 25, 4, ink, false);
            }
            text(g, "見本文具  B5  6mm罫", 110, 247, 4, cover.darker().darker(), false);
        });
    }

    /** A thermal-paper receipt, 58–80 mm wide and 150–300 mm long, with printed lines and a barcode. */
    static Sheet receipt(Random r) {
        double w = 58 + r.nextDouble() * 22;
        double h = 150 + r.nextDouble() * 150;
        long seed = r.nextLong();
        return new Sheet(w, h, 0.5, 5.0, g -> {
            Random v = new Random(seed);
            ground(g, w, h, new Color(247, 247, 244), v, 4);
            Color ink = jitter(new Color(60, 60, 68), v, 12);
            double m = 5;
            double y = 14;
            text(g, "見本マート", w / 2 - 14, y, 5.5, ink, true);
            y += 7;
            text(g, "見本県見本市1-2-3", m, y, 2.8, ink, false);
            y += 4.5;
            text(g, "TEL 000-0000-0000", m, y, 2.8, ink, false);
            y += 6;
            text(g, "2024/01/0" + (1 + v.nextInt(9)) + " 12:" + (10 + v.nextInt(50)) + "  レジ01", m, y, 2.8, ink,
                    false);
            y += 4;
            text(g, "--------------------------------", m, y, 2.8, ink, false);
            String[] items = {"おにぎり", "お茶", "見本パン", "のり弁当", "牛乳", "ガム", "ノート", "電池", "見本品"};
            int total = 0;
            int n = 3 + v.nextInt(9);
            double bottom = h - 45;
            for (int i = 0; i < n && y < bottom - 30; i++) {
                y += 5;
                int price = 100 + 10 * v.nextInt(40);
                total += price;
                text(g, items[v.nextInt(items.length)], m, y, 3.0, ink, false);
                text(g, "¥" + price, w - m - 12, y, 3.0, ink, false);
            }
            y += 5;
            text(g, "--------------------------------", m, y, 2.8, ink, false);
            y += 7;
            text(g, "合計", m, y, 4.5, ink, true);
            text(g, "¥" + total, w - m - 18, y, 4.5, ink, true);
            y += 6;
            text(g, "お預り  ¥" + ((total / 1000 + 1) * 1000), m, y, 3.0, ink, false);
            y += 5;
            text(g, "お釣    ¥" + ((total / 1000 + 1) * 1000 - total), m, y, 3.0, ink, false);
            y += 8;
            g.setColor(ink);
            double x = m + 4;
            while (x < w - m - 4 && y + 12 < h) {
                double bw = 0.3 + v.nextInt(3) * 0.3;
                g.fill(new Rectangle2D.Double(x, y, bw, 12));
                x += bw + 0.3 + v.nextInt(3) * 0.3;
            }
            if (y + 22 < h) {
                text(g, "ありがとうございました", m + 2, y + 20, 3.0, ink, false);
            }
        });
    }

    /** Fills the whole face, w × h mm, with {@code colour} varied by up to {@code amount} in each channel. */
    private static void ground(Graphics2D g, double w, double h, Color colour, Random v, int amount) {
        g.setColor(jitter(colour, v, amount));
        g.fill(new Rectangle2D.Double(0, 0, w, h));
    }
}
