package jp.kenpo.kiosk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.EntryPoint;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.testing.SeededRandom;

/** After {@code wipe()} no field of the session holds member data: checked field by field. */
class KioskSessionWipeTest {

    /** Fields that may hold a non-default value after the wipe, and why. */
    private static final Map<String, Object> ALLOWED_AFTER_WIPE = Map.of(
            "wiped", true,                  // the marker itself
            "entry", EntryPoint.NEW);       // the default entry, carries nothing personal

    private static KioskSession filled() {
        KioskSession s = new KioskSession(SessionId.random(new SeededRandom(1)), Instant.parse("2026-11-22T01:00:00Z"));
        s.resumedFrom("resume-123", EntryPoint.RESUMED_ACCOUNT_CREATED);
        s.consented(java.util.List.of("terms@2024-05", "privacy@2024-05"));
        s.union(InsurerNumber.parse("01130012").value(), true, true);
        s.consentedToPoints(java.util.List.of("points@2024-05"));
        s.card("091", "200001", "01", MemberType.INSURED);
        s.person("ヤマダ タロウ", LocalDate.of(1956, 4, 1));
        s.account("taro.yamada@example.jp", "Sakura2024!".toCharArray(), "INV-42");
        s.emailVerified(true);
        s.oneTimeCode(() -> new jp.kenpo.kiosk.core.account.OneTimeCode(java.time.Clock.systemUTC(), new SeededRandom(2)))
                .issue();
        s.codeSentTo("taro.yamada@example.jp");
        s.medicalChosen(true);
        s.document(DocumentType.DRIVERS_LICENSE);
        s.backHasEntries(true);
        s.documentImage(KioskSession.Side.FRONT, "front-image".getBytes(StandardCharsets.UTF_8));
        s.documentImage(KioskSession.Side.BACK, "back-image".getBytes(StandardCharsets.UTF_8));
        s.faceImage("frontal_mouth_closed", "face-1".getBytes(StandardCharsets.UTF_8));
        s.faceImage("left_mouth_open", "face-2".getBytes(StandardCharsets.UTF_8));
        s.closedMouth(0.02);
        s.livenessPassed(true);
        s.secretQuestion("はじめて飼ったペットの名前は？", true, "$pbkdf2-sha256$i=1,l=32$AAAAAAAAAAA$BBBB");
        s.staffCheckedInPerson(true);
        s.submitted("K07-0001", RegistrationOutcome.COMPLETE);
        return s;
    }

    @Test
    void everyFieldIsFilledBeforeTheWipe() throws Exception {
        // Guards the test itself: a field the fixture does not fill would pass the wipe check trivially.
        KioskSession s = filled();
        for (Field f : fields()) {
            if (f.getName().equals("wiped")) {
                continue;
            }
            assertThat(isEmpty(f.get(s))).as("fixture fills %s", f.getName()).isFalse();
        }
    }

    @Test
    void wipeLeavesNothingBehind() throws Exception {
        KioskSession s = filled();
        char[] passwordArray = (char[]) field("password").get(s);
        Map<?, ?> docs = (Map<?, ?>) field("documentImages").get(s);
        byte[] front = (byte[]) docs.get(KioskSession.Side.FRONT);
        Map<?, ?> faces = (Map<?, ?>) field("faceImages").get(s);
        byte[] face = (byte[]) faces.get("frontal_mouth_closed");

        s.wipe();

        for (Field f : fields()) {
            Object v = f.get(s);
            if (ALLOWED_AFTER_WIPE.containsKey(f.getName())) {
                assertThat(v).as(f.getName()).isEqualTo(ALLOWED_AFTER_WIPE.get(f.getName()));
            } else {
                assertThat(isEmpty(v)).as("%s after wipe is %s", f.getName(), v).isTrue();
            }
        }
        // The arrays that held secrets and images were overwritten, not just dropped.
        assertThat(passwordArray).containsOnly('\0');
        assertThat(front).containsOnly((byte) 0);
        assertThat(face).containsOnly((byte) 0);
        assertThat(s.isWiped()).isTrue();
    }

    @Test
    void passwordGettersHandOutCopies() {
        KioskSession s = filled();
        char[] copy = s.password();
        copy[0] = 'X';
        assertThat(new String(s.password())).isEqualTo("Sakura2024!");
    }

    @Test
    void myNumberCardBackIsRefused() {
        KioskSession s = filled();
        s.document(DocumentType.MY_NUMBER_CARD);
        assertThat(s.documentImages()).isEmpty(); // a new document drops the other's images
        assertThatThrownBy(() -> s.documentImage(KioskSession.Side.BACK, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Iterable<Field> fields() {
        java.util.List<Field> out = new java.util.ArrayList<>();
        for (Field f : KioskSession.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = KioskSession.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    private static boolean isEmpty(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (v instanceof EntryPoint e) {
            return e == EntryPoint.NEW;
        }
        return false;
    }

    @Test
    void allowedFieldsExist() {
        Set<String> names = new java.util.HashSet<>();
        for (Field f : fields()) {
            names.add(f.getName());
        }
        assertThat(names).containsAll(ALLOWED_AFTER_WIPE.keySet());
    }
}
