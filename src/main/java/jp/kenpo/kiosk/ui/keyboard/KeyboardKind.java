package jp.kenpo.kiosk.ui.keyboard;

/** The on-screen keyboards; each field says which one it needs. */
public enum KeyboardKind {
    /** 0–9, for numbers. */
    NUMERIC,
    /** The katakana 50-on table with 濁点, 半濁点, 小, ー and space, for names. */
    KANA,
    /** Letters, digits and the symbols an email address and a password need. */
    ALPHANUMERIC
}
