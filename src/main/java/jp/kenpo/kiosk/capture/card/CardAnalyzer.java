package jp.kenpo.kiosk.capture.card;

import static jp.kenpo.kiosk.capture.Measures.msSince;

import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import jp.kenpo.kiosk.core.document.CardReason;

/**
 * Finds an ID-1 card (85.60 × 53.98 mm) in a camera frame and judges whether its picture is good
 * enough to keep.
 *
 * <p>A colour copy about {@value #WORK_WIDTH} pixels across is searched for rough four-cornered
 * outlines ({@link CardFinder}; when none is a card, outlines put together from straight pieces of
 * edge, {@link SideSegments}). Each, largest first, is fitted to the full-resolution picture
 * ({@link SideFit}: its sides brought to the colour steps near them in ever closer looks, then
 * moved out to the card's own edge past a printed line or band) and kept only if its sides are
 * real steps, none runs on past a corner (the end of a receipt, a phone's screen), and its true
 * proportions — seen through the camera's perspective ({@link CardGeometry}) — are a card's. The
 * first such outline is the card; {@link CardVerdict} then judges its picture. When none is, the
 * outlines of the copy flattened are tried ({@link #flattened}: a cloth's dots, stripes or checks
 * given the colour around them, so that they no longer run into the card's edge), then those of a
 * copy twice the size, plain and flattened ({@link #closer}: a far or faint card whose edge ran into
 * the cloth's pattern or a hand in the small copy), and last the small copy's outlines fitted in the
 * copy itself ({@link #soft}: a card moved in the hand, whose edges are too soft for the fit at full
 * resolution). A card that reaches over the frame's
 * edge is reported {@code cut_off}, not found ({@link CutOffCard}).
 *
 * <p>Every limit below is argued from the camera, the card and the member, not fitted to test
 * pictures; the accuracy tests check them on two independent sets of generated frames.
 *
 * <p>The search, the fit, moving sides out to the card's edge and completing a side lost in a
 * band stay in this one class: they all work on the one candidate outline and its fitted sides,
 * which splitting would have to hand back and forth for every try.
 *
 * <p>Not thread-safe: one analyzer per camera thread. Its working images and buffers are kept
 * between frames, and so is the card last found: a live camera's next frame is first fitted where
 * it was, and searched in full only when it is not found there again ({@link #followed}).
 */
public final class CardAnalyzer implements AutoCloseable {

    /** The kept picture: the card perspective-corrected to about 10 px/mm, enough for its small print. */
    public static final int CARD_WIDTH = 856;
    public static final int CARD_HEIGHT = 540;

    /**
     * How far the measured proportions may be from ID-1's. Corners found to 1–2 px measure a card
     * tilted 45° within 2–5 %; the nearest common rectangles are off by more: A- and B-series paper
     * (1.414) by 11 %, letter paper by 19 %, phones (about 2.07) by 30 %, receipts by far more.
     * (Japanese business cards, 91 × 55 mm, are 4 % off: they pass as cards.)
     */
    static final double MAX_ASPECT_ERROR = 0.06;
    /**
     * A side is real when at least half of the looks along it find the step on it (a thumb may hide
     * part); one side of the four may show only half that (a hand under the card, a cloth of the
     * card's colour beyond it).
     */
    static final double MIN_SIDE_SUPPORT = 0.5;
    /** A rough outline is fitted only if each side runs along an edge of the small copy for at least this share. */
    static final double MIN_ROUGH_SUPPORT = 0.2;
    /** The first look across each rough side reaches this share of the card's size either way. */
    static final double WIDE_REACH = 0.05;
    /** Proportions this near ID-1's are taken as the card's own edges (corners found to a pixel or two). */
    static final double EXACT_ASPECT = 0.012;
    /** How far out past each fitted side the card's own edge is looked for, as a share of the card's size across. */
    static final double OUTER_LOOK = 0.08;
    /**
     * A step further out is the card's own edge, whatever the proportions say, when it is seen along
     * at least {@link #STRONG_SIDE_SUPPORT} of the side and along this much more of it than the step
     * the fit stopped at: a printed box near the side (a photo, a frame of print) runs along part of
     * it, the card's edge along all of it (see {@link #outermost}).
     */
    static final double WHOLER_SIDE = 0.25;
    /**
     * How far either way a side seen along less than {@link #MIN_SIDE_SUPPORT} of its length is looked
     * for once more, as a share of the card's size across it. A rough outline is its edges' hull
     * simplified by up to 5 % of its perimeter (16 % of a card's width), and where a card's edge ran
     * into a shadow or the desk's grain in the small copy one side can lie that far off the card's
     * edge; the first look reaches only {@link #WIDE_REACH}. A tenth of the card (5 mm across its
     * long sides, 8.6 mm across its short ones) reaches an edge that far off and stays short of the
     * middle of the card, where the print is.
     */
    static final double WEAK_SIDE_LOOK = 0.1;
    /**
     * An outline standing upright is not taken for the card: the guide frame is across, so a card
     * held upright is asked to be laid into it like any card not found, and the photo or a box
     * printed on a card can have an upright card's proportions.
     */
    static final double MAX_FOUND_ROLL = 45;
    /**
     * An outline that would be a card tilted further than this is not taken for one: a member
     * shows the card to the camera, and a card turned 50° shows its face squeezed to
     * cos 50° = 64 % — such a quadrilateral is as likely a box, a window or a desk's edges in
     * perspective. Cards up to 45° are found and refused as tilted.
     */
    static final double MAX_FOUND_TILT = 50;
    /** An outline this far from ID-1's proportions may be a card's ground inside a band (see {@link #completed}). */
    static final double MAX_BAND_ERROR = 0.6;
    /** The moved side must find its step along at least this share of its length. */
    static final double BAND_SIDE_SUPPORT = 0.3;
    /** Three sides this clear may carry a fourth that is hardly seen (see {@link #fitted}). */
    static final double STRONG_SIDE_SUPPORT = 0.8;
    /** A card smaller than 2 % of the frame is too far to be worth a message other than "not found". */
    static final double MIN_FIND_FILL = 0.02;

    /**
     * How wide, as a share of the frame's width, what flattening a picture ({@link #flattened})
     * gives the colour around it, in turn. A card held in the guide frame (70 % of the width) puts
     * about 120 mm across the frame, so these are 2.7, 4.2 and 6.1 mm there: a cloth's dots, pin
     * stripes and checks up to about 6 mm, a wood's grain, and the card's own print (characters 2–4
     * mm) — while the card itself, 85.6 × 54 mm, is nine times the largest (and still more than five
     * times it at the least fill found, {@link #MIN_FIND_FILL}: 2 % of the frame).
     */
    static final double[] FLATTEN = {0.022, 0.034, 0.05};
    /** Each flattening opens first (lighter specks), then closes (darker ones). */
    private static final boolean[] OPEN_THEN_CLOSE = {true, false};

    static final int WORK_WIDTH = 320;
    /** Rough outlines fitted per frame at most, largest first (each fit reads about 2 000 pixels). */
    static final int MAX_TRIES = 12;
    /** Outlines put together from pieces of edge looked at per frame at most, the best covered first. */
    static final int MAX_PIECE_QUADS = 128;
    /**
     * A card held still: between two frames of a 15 fps camera (67 ms) a hand holding a card moves
     * it well under a millimetre, and each corner stays within 2 % of the card's width (1.7 mm) of
     * where it was. Only a card found there again is taken without the full search (see {@link #followed}).
     */
    static final double MAX_FOLLOW_SHIFT = 0.02;

    static {
        jp.kenpo.kiosk.capture.OpenCv.load(); // before the native images below
    }

    private final Mat work = new Mat();
    private final Mat half = new Mat();
    private final Size halfSize = new Size();
    private final CardFinder finder = new CardFinder();
    private final SideFit sides = new SideFit();
    private final CutOffCard cutOff = new CutOffCard(sides);
    private final CardVerdict verdict = new CardVerdict();
    /** The frame's pixels, which every fit reads ({@link #full}; the small copy's while {@link #soft} fits there). */
    private FramePixels pixels;
    private final FramePixels full = new FramePixels();
    private final FramePixels small = new FramePixels();
    private final Quad candidate = new Quad();
    private final Quad card = new Quad();
    private final Quad inner0 = new Quad();
    private final double[] ox = new double[4];
    private final double[] oy = new double[4];
    private boolean haveCard;
    /** The rough outline of the outline tried last, before its fit. */
    private final Quad rough = new Quad();
    /** The card of the last frame, the rough outline it was fitted from, and that frame's size: looked for first in the next one. */
    private final Quad last = new Quad();
    private final Quad lastRough = new Quad();
    private final Quad foundRough = new Quad();
    private boolean haveLast;
    /** Whether the last card was found by {@link #soft} (then followed in the small copy). */
    private boolean lastSoft;
    /** Whether the card {@link #fromSmall} last scaled up is, at full resolution, a step along every side. */
    private boolean refinedFull;
    private final Quad followRough = new Quad();
    private final Quad followLast = new Quad();
    private int lastWidth;
    private int lastHeight;
    private boolean followedLast;
    /** The camera's analyses run the closer search on one frame in this many ({@link #closerSearchEvery}). */
    public static final int LIVE_CLOSER_EVERY = 3;
    /** On a live stream, the closer search runs on one frame in this many while no card is found (1: every frame). */
    private int closerEvery = 1;
    /** Frames without a card since the closer search last ran. */
    private int withoutCloser;

    /**
     * For a live stream: the closer search ({@link #closer}) runs on at most one frame in
     * {@code frames} while no card is found, instead of on every one. A member holds the card for
     * many frames (it is taken only once still for {@code camera.steadyFrames}), so a card only that
     * search finds is found a few frames later at most — at 15 frames a second and 3, within 0.2 s —
     * while frames without a card, the ones a kiosk waits on, pay its cost (a search of four times
     * the pixels) a third as often. Once a card is found it is followed from frame to frame without
     * any search; when it is lost the closer search runs on the next frame again.
     */
    public CardAnalyzer closerSearchEvery(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames < 1: " + frames);
        }
        this.closerEvery = frames;
        this.withoutCloser = frames - 1;
        return this;
    }

    /** Analyzes a BGR frame. */
    public CardAnalysis analyze(Mat frame) {
        long start = System.nanoTime();
        haveCard = false;
        followedLast = false;
        int w = frame.cols();
        int h = frame.rows();
        pixels = full;
        full.lazily(frame);
        boolean follow = haveLast && w == lastWidth && h == lastHeight;
        haveLast = false;
        if (follow && !lastSoft) {
            CardGeometry.Pose p = followed(lastRough, last, w, h, reach((double) workWidth(w) / w));
            if (p != null) {
                return remembered(verdict.of(full, card, p, w, h, start), w, h, false);
            }
        }
        if (follow && lastSoft) {
            CardGeometry.Pose p = softFollowed(frame, w, h);
            if (p != null) {
                CardAnalysis a = verdict.of(full, card, p, w, h, start);
                if (keptFromSmall(a)) {
                    return remembered(a, w, h, !refinedFull);
                }
                haveCard = false; // sharp now: found at full resolution by the search below
            }
        }
        shrink(frame, WORK_WIDTH);
        double scale = (double) work.cols() / w;
        List<CardFinder.Outline> outlines = finder.find(work, MIN_FIND_FILL * work.cols() * work.rows());
        double reach = reach(scale);
        CardGeometry.Pose pose = search(outlines, scale, w, h);
        if (pose == null) {
            pose = banded(outlines, scale, w, h);
        }
        if (pose == null) {
            pose = flattened(scale, w, h);
        }
        boolean soft = false;
        if (pose == null && w >= 2 * work.cols() && ++withoutCloser >= closerEvery) {
            withoutCloser = 0;
            pose = closer(frame, w, h);
            if (pose == null) {
                pose = soft(frame, w, h);
                soft = pose != null;
            }
        }
        if (pose != null) {
            withoutCloser = closerEvery - 1; // a card lost is looked for closely on the next frame
        }
        if (haveCard) {
            CardAnalysis a = verdict.of(full, card, pose, w, h, start);
            if (!soft || keptFromSmall(a)) {
                return remembered(a, w, h, soft && !refinedFull); // one clear at full resolution is followed there
            }
            haveCard = false; // sharp, and not a card at full resolution: not what that search is for
        }
        // A piece at the frame's edge is a card to move into the picture only when one side seen is
        // as long as the short side of a card at the least fill taken (MIN_FILL): a smaller piece
        // there is as likely a stripe of cloth or a box's corner, and such a card would be too small.
        boolean cut = cutOff.any(outlines, full, scale, w, h, reach,
                Math.sqrt(CardVerdict.MIN_FILL * w * h / CardGeometry.ID1_ASPECT));
        return CardAnalysis.notFound(cut ? CardReason.CUT_OFF : CardReason.NOT_FOUND, msSince(start));
    }

    /**
     * The card among the outlines of the finder's last search in a copy {@code scale} times the
     * frame's size, or among outlines put together from pieces of edge; with its pose into
     * {@link #card}, or {@code null}.
     */
    private CardGeometry.Pose search(List<CardFinder.Outline> outlines, double scale, int w, int h) {
        double reach = reach(scale);
        CardGeometry.Pose pose = null;
        int tries = 0;
        for (CardFinder.Outline o : outlines) {
            if (o.atBorder() || tries >= MAX_TRIES || !roughlyCard(o.x(), o.y(), scale, w, h)) {
                continue;
            }
            tries++;
            rough.set(candidate);
            CardGeometry.Pose p = fitted(w, h, reach);
            if (p != null) {
                pose = p;
                card.set(candidate);
                foundRough.set(rough);
                haveCard = true;
                break;
            }
        }
        if (!haveCard) {
            // No outline of its own: a card whose outline runs into something else. Four lines
            // from different things can make a card's shape, so each side must be a step along
            // at least half its length; of those that are, the largest is taken (a printed band's
            // edge inside the card makes a smaller one than the card's own). As for an outline of
            // its own, one side may be seen along only a quarter of its length (a hand under it, a
            // band of the background's colour along it) when the other three are clear along four
            // fifths — the card's sides, not four lines that happen to meet. One with ID-1's
            // proportions to within EXACT_ASPECT is the card's own edge (a printed frame inset by a
            // millimetre is already 1.4 % off them): a larger one that is not that exact does not
            // displace it — one of its sides has run out past the card onto a line of the desk or a
            // pen beside it.
            double best = 0;
            boolean bestExact = false;
            tries = 0;
            for (double[] q : finder.segmentQuads(MAX_PIECE_QUADS)) {
                double[] qx = {q[0], q[2], q[4], q[6]};
                double[] qy = {q[1], q[3], q[5], q[7]};
                if (tries >= MAX_TRIES || !roughlyCard(qx, qy, scale, w, h)) {
                    continue;
                }
                tries++;
                rough.set(candidate);
                CardGeometry.Pose p = fitted(w, h, reach);
                boolean sidesSeen = sides.everySide(MIN_SIDE_SUPPORT)
                        || sides.threeSides(STRONG_SIDE_SUPPORT) && sides.supported(MIN_SIDE_SUPPORT);
                boolean exact = p != null && p.aspectError() < EXACT_ASPECT;
                boolean better = exact != bestExact ? exact : candidate.area() > best;
                if (p != null && sidesSeen && better && candidate.margin(w, h) >= 0) {
                    best = candidate.area();
                    bestExact = exact;
                    pose = p;
                    card.set(candidate);
                    foundRough.set(rough);
                    haveCard = true;
                }
            }
        }
        return haveCard ? pose : null;
    }

    /**
     * The card among {@code outlines} (of the first search, or of the closer one) too far from
     * ID-1's proportions to be tried there ({@link #roughlyCard} takes three times the tolerance,
     * 18 %), when that search found none; with its pose into {@link #card}, or {@code null}. A card's ground inside a printed band
     * of the background's colour (the dark header of a driving history certificate on a dark cloth)
     * is a clear outline of its own, but a header a sixth of the card's height (9 mm of 54) already
     * makes it 20 % too wide, and one with a foot band as well more: up to {@link #MAX_BAND_ERROR},
     * what {@link #completed} moves a side out from. Such an outline must then be completed — its
     * side moved to where the proportions are a card's finds a step there, and the whole passes as
     * any card does — so this adds no looser test, only outlines the first pass never fitted. It
     * costs only frames where nothing was found: at most {@value #MAX_TRIES} more fits.
     */
    private CardGeometry.Pose banded(List<CardFinder.Outline> outlines, double scale, int w, int h) {
        return firstCard(outlines, scale, w, h, 3 * MAX_ASPECT_ERROR, MAX_BAND_ERROR);
    }

    /**
     * The first of {@code outlines} whose rough proportions are more than {@code least} (0: any) and at
     * most {@code most} off ID-1's and which fits as a card seen along its sides — each side a step
     * along half its length, or three along four fifths and the fourth along a quarter — with its pose
     * into {@link #card}; {@code null} when none does within {@value #MAX_TRIES} fits.
     */
    private CardGeometry.Pose firstCard(List<CardFinder.Outline> outlines, double scale, int w, int h, double least,
                                        double most) {
        double reach = reach(scale);
        int tries = 0;
        for (CardFinder.Outline o : outlines) {
            if (o.atBorder() || tries >= MAX_TRIES || !roughlyCard(o.x(), o.y(), scale, w, h, least, most)) {
                continue;
            }
            tries++;
            rough.set(candidate);
            CardGeometry.Pose p = fitted(w, h, reach);
            if (p != null && (sides.everySide(MIN_SIDE_SUPPORT)
                    || sides.threeSides(STRONG_SIDE_SUPPORT) && sides.supported(MIN_SIDE_SUPPORT))) {
                card.set(candidate);
                foundRough.set(rough);
                haveCard = true;
                return p;
            }
        }
        return null;
    }

    /**
     * The card among the outlines of a copy twice the size of the first ({@value #WORK_WIDTH} × 2
     * pixels across), when the first search found none; with its pose into {@link #card}, or
     * {@code null}. The first copy's 3 × 3 closing of gaps joins to a card's edge whatever lies
     * within a pixel of it there — 2 px of a 640-wide frame, 4 px of a 1280-wide one: the squares
     * of a checked cloth or the stripes along a card far from the camera (too small, 3–8 % of the
     * frame: 50–90 px wide in the first copy), a hand's edge, the grain a faint edge on a light desk
     * runs into. At twice the size only what lies within half that is joined, and the card's
     * outline is its own more often. A card found only here is far or faint: as for a card put
     * together from pieces, each side must be a step along half its length, or three along four
     * fifths and the fourth along a quarter. Outlines only: pieces of edge at this size are four
     * times as many to pair. Then, as in the first copy, outlines too wide for a card are tried for
     * a band lost in the background ({@link #banded}): a faint header's ground is as likely to have
     * run into the cloth's pattern in the small copy as any faint edge. It costs frames without a
     * card a second search of four times the pixels; frames where the card is found never run it.
     */
    private CardGeometry.Pose closer(Mat frame, int w, int h) {
        shrink(frame, 2 * WORK_WIDTH);
        double scale = (double) work.cols() / w;
        List<CardFinder.Outline> outlines = finder.find(work, MIN_FIND_FILL * work.cols() * work.rows());
        CardGeometry.Pose p = outlineCard(outlines, scale, w, h);
        return p != null ? p : flattened(scale, w, h);
    }

    /**
     * A card whose edges are too soft for the fit at full resolution, fitted in the small copy
     * ({@value #WORK_WIDTH} pixels across) instead, when no other search found one; with its pose into
     * {@link #card}, or {@code null}. A card moved in the hand while the camera exposes it is smeared:
     * at 7 cm/s over a 1/30 s exposure by 2.3 mm, 24 px of a 1280-wide frame at the guide frame
     * (10.4 px/mm). Its sides across the motion are then ramps 24 px wide, and a light card's edge on a
     * light desk, 20–40 levels, rises by 1–2 a pixel: less than {@link SideFit#MIN_STEP}, so no side
     * is found there, and the member is told 「カードを白い枠に合わせてください」 while the card is in
     * the frame. In the small copy (a quarter of that frame's width, half a 640-wide one's) the ramp is
     * 6 px wide and rises 3–7 a pixel, each pixel the mean of 16 with a quarter of the noise: a step.
     * So is a strongly defocused edge. The card is then judged as any other, and {@link CardVerdict}
     * calls it {@code blurry}: the member is told to hold it still.
     *
     * <p>Its corners, found to a pixel of the copy (4 px of a 1280-wide frame), are brought to the
     * full-resolution steps where those are clear along every side and none runs on past a corner:
     * then it is a card by the rules of a card put together from pieces at full resolution, whose
     * rough outline only the copy offered. Otherwise, a find here that the verdict does not call
     * blurry is dropped ({@link #analyze}): what the copy alone offers as a sharp card is print its
     * averaging has made a soft step (a row of text across a sheet of paper, with three of the
     * sheet's edges) or a screen's content with a card's proportions. It costs only frames where no
     * search found a card, at the closer search's pace.
     */
    private CardGeometry.Pose soft(Mat frame, int w, int h) {
        shrink(frame, WORK_WIDTH);
        double scale = (double) work.cols() / w;
        int cw = work.cols();
        int ch = work.rows();
        List<CardFinder.Outline> outlines = finder.find(work, MIN_FIND_FILL * cw * ch);
        small.lazily(work);
        pixels = small;
        CardGeometry.Pose p = search(outlines, 1, cw, ch);
        if (p == null) {
            p = banded(outlines, 1, cw, ch);
        }
        pixels = full;
        return p == null ? null : fromSmall(scale, w, h);
    }

    /**
     * The last frame's soft card ({@link #soft}) followed in this frame's small copy, as {@link
     * #followed} follows a card at full resolution: fitted in the copy from the rough outline it was
     * found from, every side a step there along half its length and no corner moved further than
     * {@value #MAX_FOLLOW_SHIFT} of the card's width; with its pose, or {@code null}. A smeared card is
     * found by the search in only some of a camera's frames (two in three, on some cards, with the
     * sensor's noise): followed, it stays found while it stays where it was, and the sentence asked
     * for stays the same from frame to frame.
     */
    private CardGeometry.Pose softFollowed(Mat frame, int w, int h) {
        shrink(frame, WORK_WIDTH);
        double scale = (double) work.cols() / w;
        small.lazily(work);
        pixels = small;
        followRough.set(lastRough).scale(scale);
        followLast.set(last).scale(scale);
        CardGeometry.Pose p = followed(followRough, followLast, work.cols(), work.rows(), reach(1));
        pixels = full;
        return p == null ? null : fromSmall(scale, w, h);
    }

    /**
     * {@link #card} and {@link #foundRough}, found in the small copy {@code scale} times the frame's
     * size, in the frame's pixels, the card's sides brought to the full-resolution steps where those
     * are clear along every side; with the card's pose in the frame, or {@code null}.
     */
    private CardGeometry.Pose fromSmall(double scale, int w, int h) {
        card.scale(1 / scale);
        foundRough.scale(1 / scale);
        double reach = reach(scale);
        candidate.set(card);
        refinedFull = false;
        if (sides.fit(full, candidate, reach) && sides.fit(full, candidate, SideFit.CLOSE)
                && sides.everySide(MIN_SIDE_SUPPORT) && !sides.runsPastCorners(full, candidate)) {
            card.set(candidate);
            refinedFull = true;
        }
        CardGeometry.Pose p = CardGeometry.pose(card.x, card.y, w, h);
        haveCard = p != null;
        return p;
    }

    /**
     * Whether a card found in the small copy ({@link #fromSmall}), judged {@code a}, is kept: a card
     * clear at full resolution along every side, or one the verdict calls blurry ({@link #soft}).
     */
    private boolean keptFromSmall(CardAnalysis a) {
        return refinedFull || a.reasons().contains(CardReason.BLURRY);
    }

    /**
     * How far (frame pixels) a fit looks either side of a rough outline found in a copy {@code scale}
     * times the frame's size: two of the copy's pixels, within which the outline lies of the edge, and
     * a close look's reach ({@link SideFit#CLOSE}) more.
     */
    private static double reach(double scale) {
        return 2.0 / scale + SideFit.CLOSE;
    }

    /** The card among {@code outlines} as they are ({@link #firstCard}), else as one in a band ({@link #banded}). */
    private CardGeometry.Pose outlineCard(List<CardFinder.Outline> outlines, double scale, int w, int h) {
        CardGeometry.Pose p = firstCard(outlines, scale, w, h, 0, 3 * MAX_ASPECT_ERROR);
        return p != null ? p : banded(outlines, scale, w, h);
    }

    /**
     * The card among the outlines of {@link #work} flattened ({@link CardFinder#flattened}): opened,
     * then closed, with a square each of the {@link #FLATTEN} shares of the copy's width across,
     * smallest first; tried as the outlines of the picture itself are (a card, then one in a band);
     * with its pose into {@link #card}, or {@code null}. Only when those found none, so it costs only
     * frames where no card was found so far: the edges and outlines of six more pictures the copy's
     * size, and at most {@value #MAX_TRIES} fits each.
     */
    private CardGeometry.Pose flattened(double scale, int w, int h) {
        double minArea = MIN_FIND_FILL * work.cols() * work.rows();
        for (double across : FLATTEN) {
            int size = 2 * (int) (across * work.cols() / 2) + 1; // odd: the square centred on each pixel
            for (boolean open : OPEN_THEN_CLOSE) {
                CardGeometry.Pose p = outlineCard(finder.flattened(work, minArea, open, size), scale, w, h);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The last frame's card fitted to this frame, with its pose, when it is found there again where
     * it was: a live camera's frames follow each other by 67 ms, and a member holding the card still
     * gives the same card in nearly the same place frame after frame. Fitted as the search fitted it,
     * from the same rough outline (on the very same frame: the same card to the last digit), it must
     * pass what a card put together from pieces must (every side a real step along half its length,
     * inside the frame), and each corner must lie within {@value #MAX_FOLLOW_SHIFT} of the card's
     * width of where it was; otherwise {@code null}, and the full search runs as if there had been no
     * last frame. On frames that do not follow each other (a card elsewhere, another card) it is not
     * taken: the accuracy tests give the same results with and without it. The last card's rough
     * outline and corners are {@code rough0} and {@code was}, in the pixels of the picture fitted
     * ({@code w} × {@code h}), looked at up to {@code reach} as the search looked.
     */
    private CardGeometry.Pose followed(Quad rough0, Quad was, int w, int h, double reach) {
        candidate.set(rough0);
        CardGeometry.Pose p = fitted(w, h, reach);
        if (p == null || !sides.everySide(MIN_SIDE_SUPPORT) || candidate.margin(w, h) < 0) {
            return null;
        }
        double limit = MAX_FOLLOW_SHIFT * Math.hypot(was.x[1] - was.x[0], was.y[1] - was.y[0]);
        for (int i = 0; i < 4; i++) {
            if (Math.hypot(candidate.x[i] - was.x[i], candidate.y[i] - was.y[i]) > limit) {
                return null;
            }
        }
        card.set(candidate);
        foundRough.set(rough0);
        haveCard = true;
        followedLast = true;
        return p;
    }

    /** Keeps the card just found to be looked for first in the next frame. */
    private CardAnalysis remembered(CardAnalysis a, int w, int h, boolean soft) {
        lastSoft = soft;
        last.set(card);
        lastRough.set(foundRough);
        haveLast = true;
        lastWidth = w;
        lastHeight = h;
        return a;
    }

    /** Whether the last analysis found the card by following the frame before's (for tests and benchmarks). */
    public boolean followedLast() {
        return followedLast;
    }

    /** The width of the small copy {@link #shrink} makes of a frame {@code w} pixels wide. */
    private static int workWidth(int w) {
        int cols = w;
        while (cols > 1.5 * WORK_WIDTH) {
            cols /= 2;
        }
        return cols;
    }

    /**
     * The small colour copy the outlines are searched in: halved (each halving averages 2×2
     * pixels, which OpenCV does fast) until it is at most 1.5 × {@code width} wide. An
     * exact halving is done by bilinear interpolation, which at half size falls midway between
     * four pixels: the same rounded 2×2 mean as INTER_AREA's, and quicker.
     */
    private void shrink(Mat frame, int width) {
        Mat from = frame;
        Mat to = half;
        while (from.cols() > 1.5 * width) {
            boolean even = from.cols() % 2 == 0 && from.rows() % 2 == 0;
            halfSize.width = from.cols() / 2;
            halfSize.height = from.rows() / 2;
            Imgproc.resize(from, to, halfSize, 0, 0, even ? Imgproc.INTER_LINEAR : Imgproc.INTER_AREA);
            from = to;
            to = to == half ? work : half;
        }
        if (from == frame) {
            frame.copyTo(work);
        } else if (from != work) {
            from.copyTo(work);
        }
    }

    /**
     * The rough outline in {@link #candidate} (put there by {@link #roughlyCard}) fitted to the
     * full-resolution picture, with its pose; {@code null} when it is not a card.
     */
    private CardGeometry.Pose fitted(int w, int h, double reach) {
        // Looks ever closer: a rough outline from a faint or broken edge may be off by a few percent
        // of the card's size; each look brings the sides to the steps nearest them, and the last,
        // close look tells whether they are real.
        double wide = Math.max(reach, WIDE_REACH * Math.sqrt(candidate.area()));
        inner0.set(candidate);
        if (!sides.fit(pixels, candidate, wide) || !sides.fit(pixels, candidate, reach)
                || !sides.fit(pixels, candidate, 3)) {
            // The wide look reads the card's print as far inside as it reaches beyond the side:
            // the rule of a table or a band's edge near a faint side (a light card on a light
            // desk) can take its colour direction and its steps. A rough outline may already lie
            // within a pixel of the small copy (the reach) of the edge: then it is looked at
            // closely from where it is.
            candidate.set(inner0);
            if (!sides.fit(pixels, candidate, reach) || !sides.fit(pixels, candidate, 3)) {
                return null;
            }
        }
        weakSides(w, h);
        outermost(w, h);
        CardGeometry.Pose p = accepted(w, h);
        return p != null ? p : completed(w, h);
    }

    /**
     * Looks again, {@value #WEAK_SIDE_LOOK} of the card's size either way, for each side the fit
     * found along less than {@value #MIN_SIDE_SUPPORT} of its length: the rough outline may have put
     * it beside the card's edge, on the desk, where the close looks find only its grain. A real step
     * there (along at least half the side) that does not make the outline's proportions further
     * from ID-1's is the side; otherwise the side stays as fitted. Changes {@link #candidate}.
     */
    private void weakSides(int w, int h) {
        boolean moved = false;
        for (int s = 0; s < 4; s++) {
            if (sides.support[s] >= MIN_SIDE_SUPPORT) {
                continue;
            }
            CardGeometry.Pose before = CardGeometry.pose(candidate.x, candidate.y, w, h);
            if (before == null) {
                return;
            }
            int e = (s + 1) % 4;
            double across = Math.hypot(candidate.x[(s + 2) % 4] - candidate.x[e], candidate.y[(s + 2) % 4] - candidate.y[e]);
            inner0.set(candidate);
            boolean found = sides.refitSide(pixels, candidate, s, WEAK_SIDE_LOOK * across)
                    && sides.refitSide(pixels, candidate, s, 3) && sides.support[s] >= MIN_SIDE_SUPPORT
                    && candidate.convex();
            CardGeometry.Pose after = found ? CardGeometry.pose(candidate.x, candidate.y, w, h) : null;
            moved |= kept(s, after != null && after.aspectError() <= before.aspectError());
        }
        refitAllIf(moved);
    }

    /**
     * Moves each side out to the card's own edge when the fit stopped at a printed line near it (a
     * band along the card's bottom, a table's border): a real step further out that makes the
     * outline's proportions nearer ID-1's is the card's edge — a line of the desk beyond the card
     * would make them worse. So is one seen along clearly more of the side ({@link #WHOLER_SIDE})
     * that keeps the proportions within half the tolerance: on a small card a corner a pixel or two
     * off moves the measured proportions by a percent or two, so that one side moved out to the
     * edge can read a little worse while its neighbour still lies on print. Changes {@link #candidate}.
     */
    private void outermost(int w, int h) {
        boolean outmoved = false;
        for (int s = 0; s < 4; s++) {
            CardGeometry.Pose before = CardGeometry.pose(candidate.x, candidate.y, w, h);
            if (before == null || before.aspectError() < EXACT_ASPECT) {
                break; // a card's proportions already: nothing printed near a side is mistaken for it
            }
            int e = (s + 1) % 4;
            double len = Math.hypot(candidate.x[e] - candidate.x[s], candidate.y[e] - candidate.y[s]);
            double nx = -(candidate.y[e] - candidate.y[s]) / len; // into the card
            double ny = (candidate.x[e] - candidate.x[s]) / len;
            double across = Math.hypot(candidate.x[(s + 2) % 4] - candidate.x[e], candidate.y[(s + 2) % 4] - candidate.y[e]);
            double look = Math.max(6, OUTER_LOOK * across);
            double had = sides.support[s];
            inner0.set(candidate);
            shifted(s, e, nx, ny, look);
            boolean moved = candidate.margin(w, h) >= 0 && sides.refitSide(pixels, candidate, s, 0.9 * look)
                    && sides.refitSide(pixels, candidate, s, 3) && sides.support[s] >= MIN_SIDE_SUPPORT
                    && outward(inner0, candidate, s) >= 2;
            CardGeometry.Pose after = moved ? CardGeometry.pose(candidate.x, candidate.y, w, h) : null;
            boolean wholer = after != null && sides.support[s] >= Math.max(STRONG_SIDE_SUPPORT, had + WHOLER_SIDE)
                    && after.aspectError() <= MAX_ASPECT_ERROR / 2;
            outmoved |= kept(s, after != null && (after.aspectError() < before.aspectError() || wholer));
        }
        refitAllIf(outmoved);
    }

    /**
     * Side {@code s} of {@link #candidate} as refitted when {@code keep}, else the outline as it was
     * ({@link #inner0}) with the side's line fitted again; returns {@code keep}.
     */
    private boolean kept(int s, boolean keep) {
        if (!keep) {
            candidate.set(inner0);
            sides.refitSide(pixels, candidate, s, 3); // the side's line as it was
        }
        return keep;
    }

    /** Every side's line and support fitted again as the outline now is, when a side was moved. */
    private void refitAllIf(boolean moved) {
        if (moved) {
            sides.fit(pixels, candidate, 3);
        }
    }

    /** How far side {@code s} of {@code b} lies outside that of {@code a} (px, at the side's middle; negative: inside). */
    private static double outward(Quad a, Quad b, int s) {
        int e = (s + 1) % 4;
        double mx = (a.x[s] + a.x[e]) / 2;
        double my = (a.y[s] + a.y[e]) / 2;
        double tx = b.x[e] - b.x[s];
        double ty = b.y[e] - b.y[s];
        double len = Math.hypot(tx, ty);
        return ((mx - b.x[s]) * -ty + (my - b.y[s]) * tx) / len; // along b's normal into the card
    }


    /**
     * The fitted {@link #candidate} as a card, or {@code null}: its sides real steps, none running on
     * past a corner, large enough, and a card's proportions. A card with one side hardly seen (a
     * white card's side on a white desk) must make up for it with three clear sides and proportions
     * within half the tolerance.
     */
    private CardGeometry.Pose accepted(int w, int h) {
        boolean allSides = sides.supported(MIN_SIDE_SUPPORT);
        if (!allSides && !sides.threeSides(STRONG_SIDE_SUPPORT) || sides.runsPastCorners(pixels, candidate)) {
            return null;
        }
        System.arraycopy(candidate.x, 0, ox, 0, 4);
        System.arraycopy(candidate.y, 0, oy, 0, 4);
        if (!order(w, h) || candidate.area() < MIN_FIND_FILL * w * h) {
            return null;
        }
        CardGeometry.Pose p = CardGeometry.pose(candidate.x, candidate.y, w, h);
        if (p == null || p.aspectError() > (allSides ? MAX_ASPECT_ERROR : MAX_ASPECT_ERROR / 2)
                || Math.abs(p.roll()) > MAX_FOUND_ROLL || p.tilt() > MAX_FOUND_TILT) {
            return null;
        }
        return p;
    }

    /**
     * A card whose edge along one side is lost in a printed band of the background's colour (the
     * dark header of a driving history certificate on a dark desk): the clear outline is the card's
     * ground inside the band, too wide or too tall for ID-1. One side at a time is moved outwards to
     * where the proportions would be a card's and looked at closely there; the outline counts as a
     * card only if that side then finds its step along part of its length.
     */
    private CardGeometry.Pose completed(int w, int h) {
        if (!sides.supported(MIN_SIDE_SUPPORT)) {
            return null;
        }
        CardGeometry.Pose inner = CardGeometry.pose(candidate.x, candidate.y, w, h);
        if (inner == null || inner.aspectError() > MAX_BAND_ERROR) {
            return null;
        }
        inner0.set(candidate);
        for (int s = 0; s < 4; s++) {
            int e = (s + 1) % 4;
            double len = Math.hypot(inner0.x[e] - inner0.x[s], inner0.y[e] - inner0.y[s]);
            double nx = -(inner0.y[e] - inner0.y[s]) / len; // into the card
            double ny = (inner0.x[e] - inner0.x[s]) / len;
            double across = Math.hypot(inner0.x[(s + 2) % 4] - inner0.x[e], inner0.y[(s + 2) % 4] - inner0.y[e]);
            double best = Double.MAX_VALUE;
            double bestShift = 0;
            for (int k = 1; k <= 24; k++) {
                double d = across * 0.5 * k / 24;
                shifted(s, e, nx, ny, d);
                CardGeometry.Pose p = CardGeometry.pose(candidate.x, candidate.y, w, h);
                if (p != null && p.aspectError() < best) {
                    best = p.aspectError();
                    bestShift = d;
                }
            }
            if (best > MAX_ASPECT_ERROR) {
                continue;
            }
            shifted(s, e, nx, ny, bestShift);
            if (candidate.margin(w, h) >= 0 && sides.fit(pixels, candidate, Math.max(3, 0.1 * bestShift))
                    && sides.fit(pixels, candidate, 3) && sides.support[s] >= BAND_SIDE_SUPPORT) {
                CardGeometry.Pose p = accepted(w, h);
                if (p != null) {
                    return p;
                }
            }
        }
        candidate.set(inner0);
        return null;
    }

    /** {@link #inner0} with side s–e moved {@code d} outwards, into {@link #candidate}. */
    private void shifted(int s, int e, double nx, double ny, double d) {
        candidate.set(inner0);
        candidate.x[s] -= d * nx;
        candidate.y[s] -= d * ny;
        candidate.x[e] -= d * nx;
        candidate.y[e] -= d * ny;
    }

    /**
     * A rough outline (work pixels) into {@link #candidate} in frame pixels and the card's order,
     * if its proportions are within three times the tolerance of a card's: worth a closer look.
     */
    private boolean roughlyCard(double[] x, double[] y, double scale, int w, int h) {
        return roughlyCard(x, y, scale, w, h, 0, 3 * MAX_ASPECT_ERROR);
    }

    /**
     * As {@link #roughlyCard(double[], double[], double, int, int)}, for rough proportions more than
     * {@code least} (0: any) and at most {@code most} off ID-1's.
     */
    private boolean roughlyCard(double[] x, double[] y, double scale, int w, int h, double least, double most) {
        for (int i = 0; i < 4; i++) {
            ox[i] = (x[i] + 0.5) / scale - 0.5; // work pixel centres onto frame pixel centres
            oy[i] = (y[i] + 0.5) / scale - 0.5;
        }
        if (!order(w, h)) {
            return false;
        }
        CardGeometry.Pose rough = CardGeometry.pose(candidate.x, candidate.y, w, h);
        return rough != null && rough.aspectError() <= most && (least == 0 || rough.aspectError() > least)
                && finder.edgeSupport(x, y) >= MIN_ROUGH_SUPPORT;
    }

    /** {@link #ox}/{@link #oy} into {@link #candidate} in the card's order. */
    private boolean order(int w, int h) {
        int[] order = CardGeometry.cardOrder(ox, oy, w, h);
        if (order == null) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            candidate.x[i] = ox[order[i]];
            candidate.y[i] = oy[order[i]];
        }
        return candidate.convex();
    }

    /**
     * The card of the last analyzed frame, perspective-corrected to {@link #CARD_WIDTH} ×
     * {@link #CARD_HEIGHT}, into {@code out}. Only after {@link #analyze} found one, on the same frame.
     */
    public void rectify(Mat frame, Mat out) {
        if (!haveCard) {
            throw new IllegalStateException("no card in the last frame");
        }
        Point[] quad = new Point[4];
        for (int i = 0; i < 4; i++) {
            quad[i] = new Point(card.x[i], card.y[i]);
        }
        MatOfPoint2f src = new MatOfPoint2f(quad);
        MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(CARD_WIDTH - 1, 0),
                new Point(CARD_WIDTH - 1, CARD_HEIGHT - 1), new Point(0, CARD_HEIGHT - 1));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Imgproc.warpPerspective(frame, out, m, new Size(CARD_WIDTH, CARD_HEIGHT), Imgproc.INTER_LINEAR);
        m.release();
        src.release();
        dst.release();
    }

    @Override
    public void close() {
        work.release();
        half.release();
        finder.close();
    }
}
