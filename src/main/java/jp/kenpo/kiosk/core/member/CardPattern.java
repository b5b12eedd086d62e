package jp.kenpo.kiosk.core.member;

/**
 * How a union's insurance card (保険証) shows 記号・番号 — the four patterns of the member manuals.
 */
public enum CardPattern {
    /** ① number only, written with a hyphen. */
    NUMBER_WITH_HYPHEN,
    /** ② number only. */
    NUMBER_ONLY,
    /** ③ symbol split by a hyphen (記号(前)-記号(後)) plus number. */
    SYMBOL_SPLIT_AND_NUMBER,
    /** ④ symbol and number, separate. */
    SYMBOL_AND_NUMBER
}
