package jp.kenpo.kiosk.core.face;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jp.kenpo.kiosk.core.port.RandomSource;

/**
 * The second-angle check (別アングル): a pose drawn at random ({@link Pose#INSTRUCTIONS}, never the
 * frontal one), which the member must show within a time limit ({@link #shows} judges each frame;
 * the camera takes the picture once enough frames in a row show it, then {@link #passed}). A
 * printed photo or a phone screen cannot follow an instruction it does not know; a flat picture
 * turned towards the camera also shows no nose parallax, so its turn score stays small. After
 * the time limit a new instruction is drawn, a limited number of times; then the member is
 * guided to staff.
 *
 * <p>The mouth is judged against the member's own frontal closed-mouth frame, not a fixed
 * threshold: lips and smiles differ.
 */
public final class Liveness {

    /** The turn score a head turned on purpose reaches (about 20°); flat photos stay below. */
    public static final double TURN_REQUIRED = 0.20;
    /**
     * How much wider than the member's own closed mouth (on the frontal photo) an open mouth is, as
     * inner-lip gap over mouth width. Closed lips on a head turned 20–35° read up to about 0.035
     * above the frontal reference (the mesh sees the lips at an angle); a mouth opened on request
     * (a centimetre or more of a 5 cm mouth) reads 0.2 above it. 0.06 stays clear of the first
     * and takes even a half-hearted opening of 3 mm.
     */
    public static final double OPEN_MARGIN = 0.06;

    public enum State { WAITING, PASSED, NEW_INSTRUCTION, FAILED }

    /** The pose was shown (for the frames the camera needs in a row): the check is passed. */
    public void passed() {
        if (state != State.FAILED) {
            state = State.PASSED;
        }
    }

    private final RandomSource random;
    private final Clock clock;
    private final Duration limit;
    private final int maxInstructions;
    private final double closedMouth;
    private Pose instruction;
    private int instructions;
    private Instant since;
    private State state = State.WAITING;

    /**
     * @param closedMouth the member's mouth score on the accepted frontal photo
     */
    public Liveness(RandomSource random, Clock clock, Duration limit, int maxInstructions, double closedMouth) {
        this.random = random;
        this.clock = clock;
        this.limit = limit;
        this.maxInstructions = maxInstructions;
        this.closedMouth = closedMouth;
        draw();
    }

    public static boolean turned(double yawScore) {
        return Math.abs(yawScore) >= TURN_REQUIRED;
    }

    public static boolean mouthOpen(double mouthScore, double closedMouth) {
        return mouthScore > closedMouth + OPEN_MARGIN;
    }

    /** Whether one frame shows the pose: the right way turned far enough, the mouth as asked, one face. */
    public boolean shows(Pose pose, int faces, double yawScore, double mouthScore) {
        if (faces != 1 || !turned(yawScore)) {
            return false;
        }
        Pose.Direction d = yawScore > 0 ? Pose.Direction.RIGHT : Pose.Direction.LEFT;
        boolean open = mouthOpen(mouthScore, closedMouth);
        return d == pose.direction() && open == (pose.mouth() == Pose.Mouth.OPEN);
    }

    /** Checks the time limit (also without frames, e.g. when no face is seen). */
    public State tick() {
        if (state == State.WAITING || state == State.NEW_INSTRUCTION) {
            expired();
        }
        return state;
    }

    private void expired() {
        if (Duration.between(since, clock.instant()).compareTo(limit) < 0) {
            if (state == State.NEW_INSTRUCTION) {
                state = State.WAITING;
            }
            return;
        }
        if (instructions >= maxInstructions) {
            state = State.FAILED;
        } else {
            draw();
            state = State.NEW_INSTRUCTION;
        }
    }

    private void draw() {
        Pose next;
        do {
            next = Pose.INSTRUCTIONS.get(random.nextInt(Pose.INSTRUCTIONS.size()));
        } while (next.equals(instruction));
        instruction = next;
        instructions++;
        since = clock.instant();
    }

    /** The pose asked for now. */
    public Pose instruction() {
        return instruction;
    }

    /** How many instructions have been given, this one included. */
    public int instructions() {
        return instructions;
    }

    public State state() {
        return state;
    }
}
