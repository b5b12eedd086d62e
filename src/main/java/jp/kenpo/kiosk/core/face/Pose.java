package jp.kenpo.kiosk.core.face;

import java.util.List;

import jp.kenpo.kiosk.core.port.CameraRequest;

/**
 * A head pose the kiosk asks for: a direction in the member's own terms (turned to the member's
 * right shows the left cheek to the camera) and the mouth open or closed.
 */
public record Pose(Direction direction, Mouth mouth) {

    public enum Direction { FRONTAL, LEFT, RIGHT }

    public enum Mouth { OPEN, CLOSED }

    public static final Pose FRONTAL_CLOSED = new Pose(Direction.FRONTAL, Mouth.CLOSED);

    /** The second-angle instructions: every turned pose, none of them the frontal one. */
    public static final List<Pose> INSTRUCTIONS = List.of(new Pose(Direction.RIGHT, Mouth.CLOSED),
            new Pose(Direction.RIGHT, Mouth.OPEN), new Pose(Direction.LEFT, Mouth.CLOSED),
            new Pose(Direction.LEFT, Mouth.OPEN));

    /** {@code frontal_mouth_closed}, {@code right_mouth_open}, …: the contract's pose names. */
    public String code() {
        return direction.name().toLowerCase(java.util.Locale.ROOT) + "_mouth_"
                + mouth.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The virtual camera's folder for this pose (docs/architecture.md §7). */
    public CameraRequest request() {
        return new CameraRequest("face-" + code());
    }

    /** The instruction's sentence, e.g. 「右を向いて、口を閉じてください」. */
    public String messageKey() {
        boolean open = mouth == Mouth.OPEN;
        return switch (direction) {
            case RIGHT -> open ? "face.instruction.right.open" : "face.instruction.right.closed";
            case LEFT -> open ? "face.instruction.left.open" : "face.instruction.left.closed";
            case FRONTAL -> "face.front.lead";
        };
    }
}
