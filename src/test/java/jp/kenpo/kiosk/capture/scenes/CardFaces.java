package jp.kenpo.kiosk.capture.scenes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

import jp.kenpo.kiosk.capture.scenes.CardScenes.Document;

/**
 * Faces of the four Japanese identity documents, as clearly synthetic look-alikes: plausible colours, fields and a
 * painted portrait, but every card says 見本 / SAMPLE and holds made-up names, addresses and numbers. Each card is
 * drawn in millimetres on an ID-1 sheet (85.60 × 53.98 mm, 3.18 mm corner radius) at 12 px/mm, with small colour and
 * layout variations drawn from the given random source.
 */
final class CardFaces {

    static final double W = 85.60;
    static final double H = 53.98;
    static final double R = 3.18;
    static final double PX_PER_MM = 12.0;

    private static final String FONT = "IPAGothic";
    private static final String[] NAMES = {"見本　花子", "見本　太郎", "見本　一郎", "見本　桜", "見本　次郎", "試験　葵"};
    private static final String[] LATIN = {"SAMPLE HANAKO", "SAMPLE TARO", "SAMPLE ICHIRO", "SAMPLE SAKURA",
        "SAMPLE JIRO", "SHIKEN AOI"};
    private static final String[] ADDRESSES = {"東京都見本区見本町１丁目２番３号", "見本県見本市中央二丁目４番５号",
        "大阪府見本市試験町３－４－５", "見本県試験郡見本村大字見本１２３"};
    private static final String[] NUMBERS = {"012345678900", "000011112222", "123456789012", "990000000001"};

    private CardFaces() {
    }

    /** Designs drawn per document; a card picks one and is further tinted when it is put into a frame. */
    static final int VARIANTS = 4;
    private static final Sheet[][] CACHE = new Sheet[Document.values().length][VARIANTS];

    /**
     * One of the {@link #VARIANTS} faces of the document, chosen by r. Faces are drawn once and kept (drawing the
     * text is the costly part of a frame); they are shared, so callers must not release them.
     */
    static synchronized Sheet face(Document doc, Random r) {
        int v = r.nextInt(VARIANTS);
        Sheet s = CACHE[doc.ordinal()][v];
        if (s == null) {
            s = draw(doc, new Random(1000L * doc.ordinal() + v));
            CACHE[doc.ordinal()][v] = s;
        }
        return s;
    }

    private static Sheet draw(Document doc, Random r) {
        int who = r.nextInt(NAMES.length);
        long seed = r.nextLong();
        return new Sheet(W, H, R, PX_PER_MM, g -> {
            Random v = new Random(seed);
            switch (doc) {
                case DRIVERS_LICENSE -> licence(g, v, who);
                case DRIVING_HISTORY_CERTIFICATE -> history(g, v, who);
                case RESIDENCE_CARD -> residence(g, v, who);
                case MY_NUMBER_CARD -> myNumber(g, v, who);
                default -> throw new IllegalArgumentException(doc.toString());
            }
        });
    }

    // ---- 運転免許証 ----

    private static void licence(Graphics2D g, Random r, int who) {
        g.setColor(jitter(new Color(247, 248, 242), r, 5));
        g.fill(new Rectangle2D.Double(0, 0, W, H));
        Color faint = jitter(new Color(205, 228, 210), r, 12);
        waves(g, r, faint, 22, 0.07f, 1.2, 9);
        Color rule = jitter(new Color(120, 150, 130), r, 20);
        Color ink = jitter(new Color(25, 25, 30), r, 8);
        int birthYear = 50 + r.nextInt(14);
        label(g, "氏名", 2.2, 6.2, rule);
        text(g, NAMES[who], 8.0, 6.6, 3.6, ink, true);
        text(g, "昭和" + birthYear + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日生", 36, 6.3, 2.2,
                ink, false);
        stamp(g, 63.5, 1.6, 19.5, 6.6);
        hline(g, rule, 1.2, 58.5, 8.2);
        label(g, "住所", 2.2, 11.8, rule);
        text(g, ADDRESSES[r.nextInt(ADDRESSES.length)], 8.0, 12.0, 2.6, ink, false);
        hline(g, rule, 1.2, 58.5, 13.8);
        label(g, "交付", 2.2, 17.4, rule);
        text(g, "令和" + (1 + r.nextInt(6)) + "年0" + (1 + r.nextInt(9)) + "月1" + r.nextInt(10) + "日　12345", 8.0,
                17.5, 2.3, ink, false);
        Color[] bands = {new Color(40, 150, 85), new Color(50, 110, 205), new Color(205, 165, 45)};
        g.setColor(jitter(bands[r.nextInt(bands.length)], r, 14));
        g.fill(new Rectangle2D.Double(1.2, 19.6, 57.3, 6.4));
        text(g, "令和1" + r.nextInt(5) + "年0" + (1 + r.nextInt(9)) + "月01日まで有効", 4.0, 24.2, 3.0, ink, true);
        g.setColor(rule);
        g.setStroke(new BasicStroke(0.15f));
        g.draw(new Rectangle2D.Double(1.2, 27.0, 57.3, 8.6));
        label(g, "免許の", 2.2, 30.6, rule);
        label(g, "条件等", 2.2, 33.2, rule);
        text(g, r.nextBoolean() ? "眼鏡等" : "", 10.5, 32.4, 2.6, ink, false);
        label(g, "番号", 2.2, 40.0, rule);
        text(g, "第 " + NUMBERS[r.nextInt(NUMBERS.length)] + " 号", 8.0, 40.3, 3.0, ink, true);
        // category grid
        String[] cats = {"大型", "中型", "準中", "普通", "大特", "大自二", "普自二", "小特", "原付", "牽引", "二種", "他"};
        g.setStroke(new BasicStroke(0.12f));
        for (int i = 0; i < cats.length; i++) {
            double x = 1.2 + (i % 6) * 6.6;
            double y = 42.6 + (i / 6) * 5.2;
            g.setColor(rule);
            g.draw(new Rectangle2D.Double(x, y, 6.6, 5.2));
            text(g, cats[i], x + 0.6, y + 1.9, 1.3, rule, false);
            if (r.nextInt(3) == 0) {
                text(g, "－", x + 2.4, y + 4.4, 2.0, ink, false);
            }
        }
        text(g, "運転免許証", 42.3, 47.6, 3.2, ink, true);
        text(g, "見本県公安委員会", 59.5, 50.8, 1.9, ink, false);
        seal(g, 80.6, 48.0, 2.6, r);
        portrait(g, 60.5, 13.0, 23.5, 29.5, r);
    }

    // ---- 運転経歴証明書 ----

    private static void history(Graphics2D g, Random r, int who) {
        Color ground = jitter(new Color(226, 237, 249), r, 6);
        g.setPaint(new GradientPaint(0, 0, ground, (float) W, (float) H, jitter(new Color(240, 245, 252), r, 4)));
        g.fill(new Rectangle2D.Double(0, 0, W, H));
        waves(g, r, jitter(new Color(200, 218, 240), r, 8), 16, 0.08f, 0.8, 14);
        Color head = jitter(new Color(35, 75, 150), r, 18);
        g.setColor(head);
        g.fill(new Rectangle2D.Double(0, 0, W, 8.6));
        g.fill(new Rectangle2D.Double(0, 51.4, W, H - 51.4));
        text(g, "運転経歴証明書", 3.5, 6.4, 4.4, Color.WHITE, true);
        stamp(g, 62.5, 1.2, 20.5, 6.2);
        Color ink = jitter(new Color(20, 30, 50), r, 8);
        Color rule = jitter(new Color(90, 120, 170), r, 15);
        String[] labels = {"氏名", "生年月日", "住所", "交付", "番号"};
        String[] values = {NAMES[who],
            "昭和" + (40 + r.nextInt(20)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日",
            ADDRESSES[r.nextInt(ADDRESSES.length)],
            "令和" + (1 + r.nextInt(6)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日",
            "第 " + NUMBERS[r.nextInt(NUMBERS.length)] + " 号"};
        for (int i = 0; i < labels.length; i++) {
            double y = 14.2 + i * 5.9;
            label(g, labels[i], 2.5, y, rule);
            text(g, values[i], 12.0, y + 0.3, i == 0 ? 3.4 : 2.4, ink, i == 0 || i == 4);
            hline(g, rule, 2.0, 57.0, y + 1.8);
        }
        text(g, "上記の者は、運転免許を受けていた者であることを", 2.5, 44.2, 1.65, ink, false);
        text(g, "証明する。（見本）", 2.5, 46.5, 1.65, ink, false);
        g.setStroke(new BasicStroke(0.12f));
        String[] cats = {"普通", "中型", "大型", "二輪", "原付", "他"};
        for (int i = 0; i < cats.length; i++) {
            g.setColor(rule);
            g.draw(new Rectangle2D.Double(2.5 + i * 5.6, 47.3, 5.6, 3.6));
            text(g, cats[i], 3.1 + i * 5.6, 49.9, 1.4, ink, false);
        }
        text(g, "見本県公安委員会", 57.5, 48.5, 1.9, ink, false);
        seal(g, 80.2, 46.4, 2.4, r);
        portrait(g, 61.0, 12.0, 22.0, 28.0, r);
    }

    // ---- 在留カード ----

    private static void residence(Graphics2D g, Random r, int who) {
        g.setPaint(new GradientPaint(0, 0, jitter(new Color(250, 252, 255), r, 4), 0, (float) H,
                jitter(new Color(214, 230, 246), r, 8)));
        g.fill(new Rectangle2D.Double(0, 0, W, H));
        // guilloche: many thin interlaced sine curves
        Color[] inks = {jitter(new Color(150, 185, 225), r, 15), jitter(new Color(225, 170, 200), r, 15),
            jitter(new Color(160, 210, 190), r, 15)};
        g.setStroke(new BasicStroke(0.07f));
        double l1 = 18 + r.nextDouble() * 10;
        double l2 = 7 + r.nextDouble() * 4;
        for (int k = 0; k < 46; k++) {
            Path2D.Double p = new Path2D.Double();
            double y0 = -2 + k * 1.3;
            double ph = k * 0.37;
            for (double x = -1; x <= W + 1; x += 0.4) {
                double y = y0 + 2.6 * Math.sin(2 * Math.PI * x / l1 + ph)
                        + 0.9 * Math.sin(2 * Math.PI * x / l2 - 2 * ph);
                if (x == -1) {
                    p.moveTo(x, y);
                } else {
                    p.lineTo(x, y);
                }
            }
            g.setColor(inks[k % inks.length]);
            g.draw(p);
        }
        Color ink = jitter(new Color(20, 25, 45), r, 8);
        Color title = jitter(new Color(25, 60, 135), r, 15);
        Color small = jitter(new Color(70, 85, 120), r, 10);
        text(g, "在留カード", 3.0, 7.2, 4.2, title, true);
        text(g, "RESIDENCE CARD", 3.0, 9.8, 1.8, title, false);
        text(g, "番号 AB" + NUMBERS[r.nextInt(NUMBERS.length)].substring(4) + "CD", 50.0, 5.4, 2.4,
                new Color(170, 40, 40), false);
        stamp(g, 34.5, 2.2, 13.5, 5.6);
        text(g, "氏名 NAME", 3.0, 14.3, 1.5, small, false);
        text(g, LATIN[who], 3.0, 18.7, 3.6, ink, true);
        text(g, "生年月日 DATE OF BIRTH", 3.0, 22.3, 1.3, small, false);
        text(g, (1970 + r.nextInt(35)) + "年0" + (1 + r.nextInt(9)) + "月1" + r.nextInt(10) + "日", 3.0, 25.0, 2.3,
                ink, false);
        text(g, "性別 SEX", 27.0, 22.3, 1.3, small, false);
        text(g, r.nextBoolean() ? "女 F." : "男 M.", 27.0, 25.0, 2.3, ink, false);
        text(g, "国籍・地域 NATIONALITY/REGION", 37.0, 22.3, 1.3, small, false);
        text(g, "見本国", 37.0, 25.0, 2.3, ink, false);
        text(g, "住居地 ADDRESS", 3.0, 28.4, 1.3, small, false);
        text(g, ADDRESSES[r.nextInt(ADDRESSES.length)], 3.0, 31.1, 2.2, ink, false);
        text(g, "在留資格 STATUS", 3.0, 34.5, 1.3, small, false);
        text(g, r.nextBoolean() ? "留学  College Student" : "技術・人文知識・国際業務", 3.0, 37.6, 2.6, ink, true);
        text(g, "就労制限の有無", 3.0, 40.8, 1.3, small, false);
        text(g, "就労制限なし（見本）", 15.0, 41.2, 2.0, ink, false);
        text(g, "在留期間(満了日) PERIOD OF STAY", 3.0, 44.2, 1.3, small, false);
        text(g, (1 + r.nextInt(5)) + "年 (20" + (27 + r.nextInt(5)) + "年05月01日)", 3.0, 46.8, 2.2, ink, false);
        g.setColor(small);
        g.setStroke(new BasicStroke(0.15f));
        g.draw(new Rectangle2D.Double(2.5, 48.3, 55, 4.3));
        text(g, "このカードは 20" + (27 + r.nextInt(5)) + "年05月01日 まで有効 です。", 3.5, 51.5, 1.9, ink, false);
        portrait(g, 61.5, 11.0, 21.5, 27.5, r);
        text(g, "見本大臣", 66.5, 44.0, 2.0, ink, false);
    }

    // ---- マイナンバーカード (表面) ----

    private static void myNumber(Graphics2D g, Random r, int who) {
        g.setPaint(new GradientPaint(0, 0, jitter(new Color(255, 250, 252), r, 3), (float) W, (float) H,
                jitter(new Color(248, 214, 226), r, 8)));
        g.fill(new Rectangle2D.Double(0, 0, W, H));
        // soft pattern: large faint circles
        for (int i = 0; i < 9; i++) {
            g.setColor(new Color(240, 170, 195, 22 + r.nextInt(18)));
            double d = 14 + r.nextDouble() * 30;
            g.fill(new Ellipse2D.Double(r.nextDouble() * W - d / 2, r.nextDouble() * H - d / 2, d, d));
        }
        waves(g, r, new Color(238, 190, 208), 6, 0.12f, 1.8, 20);
        Color ink = jitter(new Color(30, 25, 30), r, 8);
        Color small = jitter(new Color(120, 80, 100), r, 12);
        text(g, "個人番号カード", 3.0, 7.6, 3.9, ink, true);
        stamp(g, 36.0, 2.4, 17.0, 6.0);
        label(g, "氏名", 3.0, 13.4, small);
        text(g, NAMES[who], 10.5, 14.0, 3.7, ink, true);
        label(g, "住所", 3.0, 20.2, small);
        String a = ADDRESSES[r.nextInt(ADDRESSES.length)];
        text(g, a.substring(0, Math.min(9, a.length())), 10.5, 20.6, 2.5, ink, false);
        text(g, a.substring(Math.min(9, a.length())), 10.5, 24.0, 2.5, ink, false);
        label(g, "生年月日", 3.0, 30.0, small);
        text(g, "平成" + (1 + r.nextInt(12)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日生", 14.5,
                30.3, 2.4, ink, false);
        label(g, "性別", 40.0, 30.0, small);
        text(g, r.nextBoolean() ? "女" : "男", 45.5, 30.3, 2.4, ink, false);
        g.setColor(new Color(255, 255, 255, 200));
        g.fill(new RoundRectangle2D.Double(2.5, 34.0, 50.0, 6.0, 1.5, 1.5));
        g.setColor(small);
        g.setStroke(new BasicStroke(0.15f));
        g.draw(new RoundRectangle2D.Double(2.5, 34.0, 50.0, 6.0, 1.5, 1.5));
        text(g, "20" + (28 + r.nextInt(6)) + "年 " + (1 + r.nextInt(12)) + "月 " + (1 + r.nextInt(28)) + "日まで有効",
                4.5, 38.3, 2.5, ink, false);
        text(g, "電子証明書の有効期限", 3.0, 44.5, 1.5, small, false);
        text(g, "20" + (28 + r.nextInt(6)) + "年 " + (1 + r.nextInt(12)) + "月 " + (1 + r.nextInt(28)) + "日", 20.0,
                44.6, 1.8, ink, false);
        text(g, "見本市長", 3.0, 50.5, 2.0, ink, false);
        portrait(g, 58.5, 11.5, 24.5, 31.0, r);
    }

    // ---- shared pieces ----

    /** A painted head and shoulders on a plain backdrop, as in an ID photo: no real person. */
    static void portrait(Graphics2D g, double x, double y, double w, double h, Random r) {
        Shape old = g.getClip();
        Rectangle2D box = new Rectangle2D.Double(x, y, w, h);
        Color[] backs = {new Color(200, 220, 238), new Color(225, 228, 232), new Color(238, 236, 228),
            new Color(190, 205, 225)};
        Color back = jitter(backs[r.nextInt(backs.length)], r, 8);
        g.setPaint(new GradientPaint((float) x, (float) y, back, (float) x, (float) (y + h), back.darker()));
        g.fill(box);
        g.clip(box);
        Color[] skins = {new Color(240, 205, 180), new Color(225, 185, 150), new Color(195, 150, 115),
            new Color(150, 105, 75)};
        Color skin = jitter(skins[r.nextInt(skins.length)], r, 10);
        Color[] hairs = {new Color(25, 20, 18), new Color(60, 40, 25), new Color(110, 80, 50),
            new Color(150, 150, 150)};
        Color hair = jitter(hairs[r.nextInt(hairs.length)], r, 8);
        Color[] suits = {new Color(30, 35, 60), new Color(50, 50, 55), new Color(120, 100, 80), new Color(70, 90, 120)};
        Color suit = jitter(suits[r.nextInt(suits.length)], r, 10);
        double mx = x + w / 2 + (r.nextDouble() - 0.5) * w * 0.06;
        double hw = w * (0.40 + r.nextDouble() * 0.06);
        double hh = h * (0.44 + r.nextDouble() * 0.05);
        double hy = y + h * 0.16;
        boolean longHair = r.nextBoolean();
        g.setColor(hair);
        if (longHair) {
            g.fill(new RoundRectangle2D.Double(mx - hw * 0.62, hy - hh * 0.05, hw * 1.24, hh * 1.25, hw * 0.6,
                    hw * 0.6));
        }
        g.setColor(suit);
        g.fill(new Ellipse2D.Double(mx - w * 0.58, y + h * 0.78, w * 1.16, h * 0.6));
        g.setColor(skin.darker());
        g.fill(new Rectangle2D.Double(mx - hw * 0.22, hy + hh * 0.8, hw * 0.44, h * 0.2));
        g.setColor(new Color(245, 245, 245));
        Path2D.Double collar = new Path2D.Double();
        collar.moveTo(mx - hw * 0.3, y + h * 0.8);
        collar.lineTo(mx, y + h * 0.95);
        collar.lineTo(mx + hw * 0.3, y + h * 0.8);
        collar.closePath();
        g.fill(collar);
        g.setColor(skin);
        g.fill(new Ellipse2D.Double(mx - hw * 0.56, hy + hh * 0.42, hw * 0.16, hh * 0.2));
        g.fill(new Ellipse2D.Double(mx + hw * 0.40, hy + hh * 0.42, hw * 0.16, hh * 0.2));
        Ellipse2D face = new Ellipse2D.Double(mx - hw / 2, hy, hw, hh);
        g.fill(face);
        // fringe: the head ellipse cut by an ellipse above it
        Area fringe = new Area(new Ellipse2D.Double(mx - hw * 0.56, hy - hh * 0.08, hw * 1.12, hh * 0.6));
        fringe.subtract(new Area(new Ellipse2D.Double(mx - hw * 0.7, hy + hh * (0.22 + r.nextDouble() * 0.08),
                hw * 1.4, hh)));
        g.setColor(hair);
        g.fill(fringe);
        double ey = hy + hh * 0.50;
        g.setColor(new Color(35, 30, 30));
        g.fill(new Ellipse2D.Double(mx - hw * 0.27, ey, hw * 0.14, hh * 0.06));
        g.fill(new Ellipse2D.Double(mx + hw * 0.13, ey, hw * 0.14, hh * 0.06));
        g.setStroke(new BasicStroke((float) (hh * 0.025)));
        g.setColor(hair);
        g.draw(new Line2D.Double(mx - hw * 0.30, ey - hh * 0.06, mx - hw * 0.12, ey - hh * 0.08));
        g.draw(new Line2D.Double(mx + hw * 0.12, ey - hh * 0.08, mx + hw * 0.30, ey - hh * 0.06));
        g.setColor(skin.darker());
        g.draw(new Line2D.Double(mx, ey + hh * 0.06, mx - hw * 0.04, ey + hh * 0.2));
        g.setColor(new Color(170, 80, 80));
        g.draw(new Arc2D.Double(mx - hw * 0.14, ey + hh * 0.18, hw * 0.28, hh * 0.12, 200, 140, Arc2D.OPEN));
        g.setClip(old);
        g.setColor(new Color(120, 120, 120));
        g.setStroke(new BasicStroke(0.1f));
        g.draw(box);
    }

    /** A red 見本 SAMPLE stamp: every card says it is a sample. */
    static void stamp(Graphics2D g, double x, double y, double w, double h) {
        Color red = new Color(210, 30, 40);
        g.setColor(new Color(255, 255, 255, 170));
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 1.2, 1.2));
        g.setColor(red);
        g.setStroke(new BasicStroke(0.35f));
        g.draw(new RoundRectangle2D.Double(x, y, w, h, 1.2, 1.2));
        double s = Math.min(h * 0.62, w / 4.8);
        text(g, "見本", x + w * 0.06, y + h * 0.5 + s * 0.36, s, red, true);
        text(g, "SAMPLE", x + w * 0.06 + s * 2.15, y + h * 0.5 + s * 0.22, s * 0.6, red, true);
    }

    private static void seal(Graphics2D g, double cx, double cy, double rad, Random r) {
        Color red = jitter(new Color(200, 40, 45), r, 10);
        g.setColor(red);
        g.setStroke(new BasicStroke(0.3f));
        g.draw(new Ellipse2D.Double(cx - rad, cy - rad, 2 * rad, 2 * rad));
        text(g, "見本", cx - rad * 0.75, cy + rad * 0.28, rad * 0.75, red, true);
    }

    /** Faint wavy lines across the ground, as the fine security print of a card. */
    private static void waves(Graphics2D g, Random r, Color c, int n, float stroke, double amp, double len) {
        g.setColor(c);
        g.setStroke(new BasicStroke(stroke));
        double ph = r.nextDouble() * 6;
        for (int k = 0; k < n; k++) {
            Path2D.Double p = new Path2D.Double();
            double y0 = (k + 0.5) * H / n;
            p.moveTo(-1, y0 + amp * Math.sin(ph + k));
            for (double x = -0.5; x <= W + 1; x += 0.5) {
                p.lineTo(x, y0 + amp * Math.sin(2 * Math.PI * x / len + ph + k * 0.6));
            }
            g.draw(p);
        }
    }

    private static void hline(Graphics2D g, Color c, double x0, double x1, double y) {
        g.setColor(c);
        g.setStroke(new BasicStroke(0.12f));
        g.draw(new Line2D.Double(x0, y, x1, y));
    }

    private static void label(Graphics2D g, String s, double x, double y, Color c) {
        text(g, s, x, y, 1.9, c, false);
    }

    static void text(Graphics2D g, String s, double x, double y, double sizeMm, Color c, boolean bold) {
        if (s.isEmpty()) {
            return;
        }
        g.setFont(font(sizeMm, bold));
        g.setColor(c);
        g.drawString(s, (float) x, (float) y);
    }

    static Font font(double sizeMm, boolean bold) {
        return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, 10).deriveFont((float) sizeMm);
    }

    static Color jitter(Color c, Random r, int amount) {
        return new Color(clamp(c.getRed() + r.nextInt(2 * amount + 1) - amount),
                clamp(c.getGreen() + r.nextInt(2 * amount + 1) - amount),
                clamp(c.getBlue() + r.nextInt(2 * amount + 1) - amount), c.getAlpha());
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
