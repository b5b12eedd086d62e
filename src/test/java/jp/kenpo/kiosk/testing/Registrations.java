package jp.kenpo.kiosk.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.core.session.SessionId;

/** Finished sessions of synthetic members, each one different (card, name, email, birthdate). */
public final class Registrations {

    private static final String[] FAMILY = {"ケンコウ", "ミホン", "タメシ", "ヨコク", "レイジ"};
    private static final String[] GIVEN = {"タロウ", "ハナコ", "ジロウ", "サクラ", "イチロウ", "モモ", "ケン"};

    private Registrations() {
    }

    /** Synthetic member {@code n} (n ≥ 0), with small stand-in images. */
    public static KioskSession finished(int n) {
        return finished(n, 0);
    }

    /**
     * Synthetic member {@code n} whose pictures weigh {@code imageBytes} in all (random, so they do not
     * compress), for delivery benchmarks; 0 for small stand-ins.
     */
    public static KioskSession finished(int n, int imageBytes) {
        String name = name(n);
        String email = email(n);
        KioskSession s = finished(name, email);
        s.card("91", String.valueOf(300000 + n), String.format("%02d", n % 100), MemberType.INSURED);
        s.person(name, birthDate(n));
        if (imageBytes > 0) {
            Random r = new Random(n);
            int each = imageBytes / 4;
            byte[][] parts = new byte[4][each];
            for (byte[] p : parts) {
                r.nextBytes(p);
            }
            // A driving licence with entries on the back: two document sides (a My Number card has one).
            s.document(DocumentType.DRIVERS_LICENSE);
            s.backHasEntries(true);
            s.documentImage(KioskSession.Side.FRONT, parts[0]);
            s.documentImage(KioskSession.Side.BACK, parts[1]);
            s.faceImage("frontal_mouth_closed", parts[2]);
            s.faceImage("left_mouth_open", parts[3]);
        }
        return s;
    }

    public static String name(int n) {
        return FAMILY[n % FAMILY.length] + "　" + GIVEN[(n / FAMILY.length) % GIVEN.length] + digitsInKana(n);
    }

    public static String email(int n) {
        return "member" + n + ".synthetic@example.jp";
    }

    public static LocalDate birthDate(int n) {
        return LocalDate.of(1940, 1, 1).plusDays(n * 37L % 20000);
    }

    /** The member's number spelled in katakana digits, so every name differs. */
    private static String digitsInKana(int n) {
        String[] kana = {"ゼロ", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"};
        StringBuilder b = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            b.append(kana[c - '0']);
        }
        return b.toString();
    }

    /** A finished member with the given name and email (the other fields fixed). */
    public static KioskSession finished(String name, String email) {
        KioskSession s = new KioskSession(SessionId.random(new SeededRandom(3)), Instant.EPOCH);
        s.consented(List.of("terms@2024-05", "privacy@2024-05"));
        s.union(InsurerNumber.parse("01130012").value(), true);
        s.card("091", "200001", "01", MemberType.INSURED);
        s.person(name, LocalDate.of(1956, 4, 1));
        s.account(email, "Midori7!s".toCharArray(), null);
        s.emailVerified(true);
        s.medicalChosen(true);
        s.document(DocumentType.MY_NUMBER_CARD);
        s.documentImage(KioskSession.Side.FRONT, "card-front-jpeg".getBytes(StandardCharsets.UTF_8));
        s.faceImage("frontal_mouth_closed", "face-1".getBytes(StandardCharsets.UTF_8));
        s.faceImage("left_mouth_open", "face-2".getBytes(StandardCharsets.UTF_8));
        s.livenessPassed(true);
        s.secretQuestion("スキナイロ", true, "$pbkdf2-sha256$i=310000,l=32$AAAA$BBBB");
        return s;
    }
}
