package jp.kenpo.kiosk.capture;

import java.util.List;

import jp.kenpo.kiosk.core.document.CardReason;

/**
 * What the card analyzer sees in one frame (the JSON of {@code analyze card}).
 *
 * @param corners   clockwise from top-left, in frame pixels; empty when not found
 * @param sharpness variance of the Laplacian on the corrected card (higher is sharper)
 * @param glare     share of the card's pixels that are blown out (0–1)
 * @param exposure  the card's mean brightness (0–255)
 * @param fill      the card's area as a share of the frame
 * @param tilt      the card's top edge against the horizontal, in degrees
 * @param ms        the time the analysis took
 */
public record CardAnalysis(boolean found, List<double[]> corners, double sharpness, double glare, double exposure,
                           double fill, double tilt, boolean accept, List<CardReason> reasons, double ms) {
}
