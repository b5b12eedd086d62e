package jp.kenpo.kiosk.core.config;

/**
 * One member of the counter staff who may unlock staff mode.
 *
 * @param id      short and stable (letters, digits, {@code -} or {@code _}): what the audit log
 *                records for every staff action, so that it can say who did what
 * @param name    how the staff panel greets them (not logged)
 * @param pinHash their own PIN as a PBKDF2 PHC string ({@code hash-pin} makes one)
 */
public record StaffMember(String id, String name, String pinHash) {

    /** What a staff id may look like. */
    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** The id under which the single PIN of an older configuration ({@code staff.pinHash}) is recorded. */
    public static final String SHARED_ID = "staff";
}
