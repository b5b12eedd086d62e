package jp.kenpo.kiosk.ui.common;

import java.util.Arrays;

/** A message for the member: a bundle key and the arguments of its pattern. */
public record Message(String key, Object... args) {

    public static Message of(String key, Object... args) {
        return key == null ? null : new Message(key, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && m.key.equals(key) && Arrays.equals(m.args, args);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
