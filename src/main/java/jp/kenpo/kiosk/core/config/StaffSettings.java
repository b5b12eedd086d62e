package jp.kenpo.kiosk.core.config;

import java.util.List;

/**
 * @param members          the staff who may unlock staff mode, each with an id, a name and their own
 *                         PIN hash; every staff action in the audit log carries the id
 * @param pinHash          the older single PIN (a PBKDF2 PHC string); still read, as one member with
 *                         id {@value StaffMember#SHARED_ID}, when {@code members} is not given
 * @param maxAttempts      wrong PINs before the pad locks (default 5)
 * @param lockoutSeconds   how long it stays locked (default 300)
 * @param idleSeconds      untouched this long, the staff screen, the staff panel over a session and
 *                         the PIN pad lock themselves (default 60)
 * @param callWaitSeconds  after 「係員を呼ぶ」, how long the member's idle timeout waits for staff
 *                         (default 300)
 * @param callSound        a sound file (WAV, AIFF, MP3) played when staff are called; none: a short chime made by the kiosk
 * @param callVolume       its volume, 0.0–1.0 (default 0.8; 0 plays nothing)
 * @param callCommand      an optional site command run when staff are called (a light, a chat
 *                         message), as a list of program and arguments; its failure is only logged
 */
public record StaffSettings(List<StaffMember> members, String pinHash, Integer maxAttempts, Integer lockoutSeconds,
                            Integer idleSeconds, Integer callWaitSeconds, String callSound, Double callVolume,
                            List<String> callCommand) {

    public StaffSettings {
        members = members == null ? null : List.copyOf(members);
        maxAttempts = maxAttempts == null ? 5 : maxAttempts;
        lockoutSeconds = lockoutSeconds == null ? 300 : lockoutSeconds;
        idleSeconds = idleSeconds == null ? 60 : idleSeconds;
        callWaitSeconds = callWaitSeconds == null ? 300 : callWaitSeconds;
        callVolume = callVolume == null ? 0.8 : callVolume;
        callCommand = callCommand == null ? List.of() : List.copyOf(callCommand);
    }

    /** The older form: one shared PIN. */
    public StaffSettings(String pinHash, Integer maxAttempts, Integer lockoutSeconds, Integer idleSeconds) {
        this(null, pinHash, maxAttempts, lockoutSeconds, idleSeconds, null, null, null, null);
    }

    /**
     * Who may unlock staff mode: {@code members}, or — in a configuration that still has the single
     * {@code pinHash} — one member {@value StaffMember#SHARED_ID} with that PIN.
     */
    public List<StaffMember> staff() {
        if (members != null && !members.isEmpty()) {
            return members;
        }
        return pinHash == null ? List.of() : List.of(new StaffMember(StaffMember.SHARED_ID, null, pinHash));
    }

    /** How long the staff screen or the PIN pad may stay untouched. */
    public java.time.Duration idle() {
        return java.time.Duration.ofSeconds(idleSeconds);
    }

    /** How long the member's idle timeout waits after staff were called. */
    public java.time.Duration callWait() {
        return java.time.Duration.ofSeconds(callWaitSeconds);
    }
}
