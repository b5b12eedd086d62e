package jp.kenpo.kiosk.core.config;

/**
 * A union's rules for matching 記号・番号 as typed against its roster.
 *
 * @param symbolAfterHyphen  of a symbol containing a hyphen, only the part after it counts
 * @param numberLast7        a number of 8 or more digits is matched by its last 7 digits
 * @param symbolPad          zero-pad the symbol to this many digits (0: no padding)
 * @param numberPad          zero-pad the number to this many digits (0: no padding)
 * @param branch             the card carries a 枝番 (two-digit branch number)
 */
public record CardNormalization(
        Boolean symbolAfterHyphen, Boolean numberLast7, Integer symbolPad, Integer numberPad, Boolean branch) {

    public CardNormalization {
        symbolAfterHyphen = symbolAfterHyphen != null && symbolAfterHyphen;
        numberLast7 = numberLast7 != null && numberLast7;
        symbolPad = symbolPad == null ? 0 : symbolPad;
        numberPad = numberPad == null ? 0 : numberPad;
        branch = branch != null && branch;
    }
}
