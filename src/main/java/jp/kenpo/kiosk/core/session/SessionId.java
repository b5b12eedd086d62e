package jp.kenpo.kiosk.core.session;

import java.util.HexFormat;

import jp.kenpo.kiosk.core.port.RandomSource;

/** A random id for one member session: it names the session in logs and carries no member data. */
public record SessionId(String value) {

    public static SessionId random(RandomSource random) {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return new SessionId(HexFormat.of().formatHex(b));
    }

    @Override
    public String toString() {
        return value;
    }
}
