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

/**
 * After {@code wipe()} no field of the session holds member data: checked field by field, the fields
 * of its parts (the account, the pictures) included.
 */
class KioskSessionWipeTest {

    /** Fields that may hold a non-default value after the wipe, and why. */
    private static final Map<String, Object> ALLOWED_AFTER_WIPE = Map.of(
            "wiped", true,                  // the marker itself
            "entry", EntryPoint.NEW);       // the default entry, carries nothing personal

    /** The parts a session keeps its data in; their fields are checked as the session's own. */
    private static final Set<Class<?>> PARTS = Set.of(SessionAccount.class, SessionPictures.class);

    private static KioskSession filled() {
        KioskSession s = new KioskSession(SessionId.random(new SeededRandom(1)), Instant.parse("2026-11-22T01:00:00Z"));
        s.resumedFrom(new jp.kenpo.kiosk.core.resume.ResumeToken("resume-123", "kid", Instant.parse("2026-11-22T00:00:00Z"),
                Instant.parse("2026-11-22T02:00:00Z"), jp.kenpo.kiosk.core.resume.ResumeStep.ACCOUNT_CREATED, "01130012"),
                true, new jp.kenpo.kiosk.core.resume.SignupDraft("resume-123",
                        jp.kenpo.kiosk.core.resume.ResumeStep.ACCOUNT_CREATED, "app@example.jp", true, "01130012", null,
                        null, null, "ヤマダ タロウ", null, null));
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
        s.staffCheckedInPerson("tanaka");
        s.rosterRefused();
        s.captureRetried();
        s.submitted("K07-0001", RegistrationOutcome.COMPLETE);
        return s;
    }

    @Test
    void everyFieldIsFilledBeforeTheWipe() throws Exception {
        // Guards the test itself: a field the fixture does not fill would pass the wipe check trivially.
        KioskSession s = filled();
        for (Map.Entry<String, Object> f : values(s).entrySet()) {
            if (f.getKey().equals("wiped")) {
                continue;
            }
            assertThat(isEmpty(f.getValue())).as("fixture fills %s", f.getKey()).isFalse();
        }
    }

    @Test
    void wipeLeavesNothingBehind() throws Exception {
        KioskSession s = filled();
        Map<String, Object> before = values(s);
        char[] passwordArray = (char[]) before.get("password");
        Map<?, ?> docs = (Map<?, ?>) before.get("documentImages");
        byte[] front = (byte[]) docs.get(KioskSession.Side.FRONT);
        Map<?, ?> faces = (Map<?, ?>) before.get("faceImages");
        byte[] face = (byte[]) faces.get("frontal_mouth_closed");

        s.wipe();

        for (Map.Entry<String, Object> f : values(s).entrySet()) {
            Object v = f.getValue();
            if (ALLOWED_AFTER_WIPE.containsKey(f.getKey())) {
                assertThat(v).as(f.getKey()).isEqualTo(ALLOWED_AFTER_WIPE.get(f.getKey()));
            } else {
                assertThat(isEmpty(v)).as("%s after wipe is %s", f.getKey(), v).isTrue();
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

    /** Every field of the session by name, the fields of its {@link #PARTS} in place of the parts. */
    private static Map<String, Object> values(KioskSession s) throws IllegalAccessException {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        collect(s, out);
        assertThat(out).hasSizeGreaterThan(20);
        return out;
    }

    private static void collect(Object o, Map<String, Object> out) throws IllegalAccessException {
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            f.setAccessible(true);
            Object v = f.get(o);
            if (PARTS.contains(f.getType())) {
                assertThat(v).as(f.getName()).isNotNull();
                collect(v, out);
            } else {
                assertThat(out).as("one field named %s", f.getName()).doesNotContainKey(f.getName());
                out.put(f.getName(), v);
            }
        }
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
        if (v instanceof Number n) {
            return n.doubleValue() == 0; // a count (pictures retaken) starts again at zero
        }
        return false;
    }

    @Test
    void allowedFieldsExist() throws Exception {
        assertThat(values(filled()).keySet()).containsAll(ALLOWED_AFTER_WIPE.keySet());
    }
}
