package jp.kenpo.kiosk.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.kenpo.kiosk.app.config.ConfigLoader.ConfigProblem;
import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.config.CameraSettings;
import jp.kenpo.kiosk.core.config.ConsentDocument;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.KioskLanguage;
import jp.kenpo.kiosk.core.config.MaskRegion;
import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * The checks a bound configuration must pass before the kiosk starts. A production kiosk
 * ({@code kiosk.demo: false}) also refuses everything that only suits a demonstration: the demo's
 * published secrets ({@link DemoMaterial}), mail written to files, a seed roster, a virtual camera,
 * a fast PIN hash and a short PIN lockout.
 */
final class ConfigValidator extends ConfigChecks {

    private static final Pattern KIOSK_ID = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
    /** The fewest PBKDF2 rounds a production PIN hash may use (what {@code hash-pin} makes). */
    static final int MIN_PIN_ITERATIONS = SlowHash.DEFAULT_ITERATIONS;
    /**
     * Ten times the default: about 1–3 s per PIN on a counter PC (the default takes 0.1–0.3 s). Above
     * that, staff would wait at the pad and a lockout of the kiosk by slowness would be one typo away.
     */
    static final int MAX_PIN_ITERATIONS = 10 * SlowHash.DEFAULT_ITERATIONS;
    /** The shortest lockout after too many wrong PINs on a production kiosk. */
    static final int MIN_LOCKOUT_SECONDS = 60;

    ConfigValidator(KioskConfig config) {
        super(config, new ArrayList<>());
    }

    List<ConfigProblem> problems() {
        kiosk();
        display();
        voice();
        timeouts();
        unions();
        consents();
        staff();
        camera();
        masks();
        new ConnectionChecks(c, problems).check();
        return problems;
    }

    private void kiosk() {
        if (missing(c.kiosk(), "kiosk")) {
            return;
        }
        if (blank(c.kiosk().id())) {
            problem("kiosk", "'kiosk.id' is missing (a short id such as K07, printed on receipts)");
        } else if (!KIOSK_ID.matcher(c.kiosk().id()).matches()) {
            problem("kiosk.id", "'kiosk.id' must be a capital letter and up to 7 capitals or digits, like K07");
        }
        if (blank(c.kiosk().dataDir())) {
            problem("kiosk", "'kiosk.dataDir' is missing (the folder for the kiosk's database)");
        }
        List<String> languages = c.kiosk().languages();
        if (languages.isEmpty() || !languages.contains("ja")) {
            problem("kiosk.languages", "'kiosk.languages' must include ja ([ja] offers Japanese only, [ja, en, ko]"
                    + " also English and Korean on the language picker)");
        }
        for (int i = 0; i < languages.size(); i++) {
            if (KioskLanguage.ofTag(languages.get(i)).isEmpty()) {
                String meant = KioskLanguage.suggestion(languages.get(i)).map(t -> " (did you mean " + t + "?)")
                        .orElse("");
                problem("kiosk.languages[" + i + "]", "'" + languages.get(i) + "' is not a language of this kiosk"
                        + meant + ": it offers " + String.join(", ", KioskLanguage.tags()));
            } else if (languages.indexOf(languages.get(i)) < i) {
                problem("kiosk.languages[" + i + "]", "'" + languages.get(i) + "' is listed twice in 'kiosk.languages'");
            }
        }
    }

    private void display() {
        int dpi = c.display().dpi();
        if (dpi < 50 || dpi > 400) {
            problem("display.dpi", "'display.dpi' must be between 50 and 400");
        }
    }

    private void voice() {
        double volume = c.voice().volume();
        if (!(volume >= 0 && volume <= 1)) {
            problem("voice.volume", "'voice.volume' must be between 0 and 1");
        }
        String command = c.voice().command();
        if (command != null && !command.contains("{out}")) {
            problem("voice.command", "'voice.command' must name the WAV file it writes as {out}");
        }
    }

    private void timeouts() {
        if (c.timeouts().idleSeconds() < 15 || c.timeouts().idleSeconds() > 3600) {
            problem("timeouts.idleSeconds", "'timeouts.idleSeconds' must be between 15 and 3600");
        }
        if (c.timeouts().countdownSeconds() < 5 || c.timeouts().countdownSeconds() > 120) {
            problem("timeouts.countdownSeconds", "'timeouts.countdownSeconds' must be between 5 and 120");
        }
        if (c.timeouts().outcomeSeconds() < 10 || c.timeouts().outcomeSeconds() > 300) {
            problem("timeouts.outcomeSeconds", "'timeouts.outcomeSeconds' must be between 10 and 300 (long enough to"
                    + " note the receipt number, short enough that the next person does not see it)");
        }
    }

    private void unions() {
        if (c.unions().isEmpty()) {
            problem("unions", "no union is configured: 'unions' needs at least one union served at this kiosk");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < c.unions().size(); i++) {
            UnionConfig u = c.unions().get(i);
            String at = "unions[" + i + "]";
            if (u == null) {
                problem(at, "union " + (i + 1) + " is empty");
                continue;
            }
            if (blank(u.insurerNumber())) {
                problem(at, "union " + (i + 1) + " has no 'insurerNumber'");
            } else {
                InsurerNumber.Result r = InsurerNumber.parse(u.insurerNumber());
                if (!r.ok()) {
                    problem(at + ".insurerNumber", "'" + u.insurerNumber()
                            + "' is not a valid insurer number (6 or 8 digits ending in the check digit)");
                } else if (!seen.add(r.value().digits())) {
                    problem(at + ".insurerNumber", "the insurer number " + u.insurerNumber() + " is listed twice");
                }
            }
            localized(u.name(), at + ".name", at, "union " + (i + 1) + " has no 'name'");
            if (u.cardPattern() == null) {
                problem(at, "union " + (i + 1) + " has no 'cardPattern' (number_with_hyphen, number_only, "
                        + "symbol_split_and_number or symbol_and_number)");
            }
            if (u.documents().isEmpty()) {
                problem(at + ".documents", "'documents' must list at least one identity document");
            }
            int sp = u.normalization().symbolPad();
            int np = u.normalization().numberPad();
            if (sp < 0 || sp > 10 || np < 0 || np > 12) {
                problem(at + ".normalization", "padding must be between 0 and 10 (symbol) or 12 (number)");
            }
        }
    }

    private void consents() {
        if (c.consents().isEmpty()) {
            problem("consents", "'consents' must list at least the terms and the privacy policy");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < c.consents().size(); i++) {
            ConsentDocument d = c.consents().get(i);
            String at = "consents[" + i + "]";
            if (d == null || blank(d.id()) || blank(d.version())) {
                problem(at, "consent " + (i + 1) + " needs an 'id' and a 'version'");
                continue;
            }
            if (!ids.add(d.id())) {
                problem(at + ".id", "the consent id '" + d.id() + "' is listed twice");
            }
            localized(d.title(), at + ".title", at, "consent '" + d.id() + "' has no 'title'");
            if (localized(d.file(), at + ".file", at, "consent '" + d.id() + "' has no 'file'")) {
                for (KioskLanguage l : KioskLanguage.values()) {
                    if (d.file().get(l) != null) {
                        readable(d.file().get(l), at + ".file." + l.tag());
                    }
                }
            }
        }
    }

    private void staff() {
        if (missing(c.staff(), "staff")) {
            return;
        }
        if (c.staff().members() != null && !c.staff().members().isEmpty()) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (int i = 0; i < c.staff().members().size(); i++) {
                jp.kenpo.kiosk.core.config.StaffMember m = c.staff().members().get(i);
                String at = "staff.members[" + i + "]";
                if (m == null) {
                    problem("staff.members", "'" + at + "' is empty");
                    continue;
                }
                if (blank(m.id()) || !jp.kenpo.kiosk.core.config.StaffMember.ID.matcher(m.id()).matches()) {
                    problem("staff.members", "'" + at + ".id' must be 1 to 32 letters, digits, '-' or '_'"
                            + " (it is what the audit log records)");
                } else if (!ids.add(m.id())) {
                    problem("staff.members", "'" + at + ".id' " + m.id() + " is listed twice");
                }
                pinHash(m.pinHash(), at + ".pinHash", "staff.members");
            }
        } else if (c.staff().pinHash() == null && c.staff().members() != null) {
            problem("staff.members", "'staff.members' is empty: list at least one member of staff");
        } else {
            pinHash(c.staff().pinHash(), "staff.pinHash", "staff.pinHash");
        }
        if (c.staff().maxAttempts() < 1 || c.staff().maxAttempts() > 20) {
            problem("staff.maxAttempts", "'staff.maxAttempts' must be between 1 and 20");
        }
        if (c.staff().idleSeconds() < 10 || c.staff().idleSeconds() > 600) {
            problem("staff.idleSeconds", "'staff.idleSeconds' must be between 10 and 600 (the staff screen must not stay"
                    + " open for the next person)");
        }
        if (c.staff().callWaitSeconds() < 0 || c.staff().callWaitSeconds() > 3600) {
            problem("staff.callWaitSeconds", "'staff.callWaitSeconds' must be between 0 and 3600");
        }
        if (c.staff().callVolume() < 0 || c.staff().callVolume() > 1) {
            problem("staff.callVolume", "'staff.callVolume' must be between 0.0 and 1.0");
        }
        if (!blank(c.staff().callSound())) {
            readable(c.staff().callSound(), "staff.callSound");
        }
        if (c.staff().lockoutSeconds() < 0) {
            problem("staff.lockoutSeconds", "'staff.lockoutSeconds' must not be negative");
        } else if (production() && c.staff().lockoutSeconds() < MIN_LOCKOUT_SECONDS) {
            problem("staff.lockoutSeconds", "'staff.lockoutSeconds' must be at least " + MIN_LOCKOUT_SECONDS
                    + " on a production kiosk, or PINs can be guessed without pause");
        }
    }

    /** One staff PIN hash, named {@code name} in messages, reported at the line of {@code key}. */
    private void pinHash(String hash, String name, String key) {
        if (!SlowHash.isWellFormed(hash)) {
            problem(key, "'" + name + "' is not a PIN hash: make one with "
                    + "'java -jar kenpo-kiosk.jar hash-pin'");
        } else if (SlowHash.iterations(hash).getAsInt() > MAX_PIN_ITERATIONS) {
            problem(key, "'" + name + "' is made with i=" + SlowHash.iterations(hash)
                    .getAsInt() + " rounds: checking one PIN would take minutes; at most i=" + MAX_PIN_ITERATIONS
                    + " (make it again with 'java -jar kenpo-kiosk.jar hash-pin')");
        } else if (production() && DemoMaterial.PIN_HASH.equals(hash)) {
            problem(key, "'" + name + "' is the demo PIN's hash, and the demo PIN is published: make"
                    + " this kiosk's own with 'java -jar kenpo-kiosk.jar hash-pin' (usually ${KIOSK_STAFF_PIN_HASH})");
        } else if (production() && SlowHash.iterations(hash).getAsInt() < MIN_PIN_ITERATIONS) {
            problem(key, "'" + name + "' is made with i=" + SlowHash.iterations(hash)
                    .getAsInt() + " rounds, too fast to stop guessing: a production kiosk needs at least i="
                    + MIN_PIN_ITERATIONS + "; make it again with 'java -jar kenpo-kiosk.jar hash-pin'");
        }
    }

    private void camera() {
        if (missing(c.camera(), "camera")) {
            return;
        }
        String s = c.camera().source();
        if (blank(s)) {
            problem("camera", "'camera.source' is missing (virtual:DIR, device:NAME or index:N)");
        } else if (CameraSettings.isVirtual(s)) {
            Path dir = c.virtualCameraDir(s);
            if (production()) {
                problem("camera.source", "'camera.source: virtual:' plays still pictures instead of photographing the"
                        + " member, for demonstrations only: use device:NAME or index:N");
            } else if (!Files.isDirectory(dir)) {
                problem("camera.source", "the virtual camera's folder " + dir + " does not exist");
            }
        } else if (!s.startsWith("device:") && !s.matches("index:\\d+")) {
            problem("camera.source", "'camera.source' must be virtual:DIR, device:NAME or index:N");
        }
        if (c.camera().width() < 320 || c.camera().height() < 240 || c.camera().fps() < 1 || c.camera().fps() > 60) {
            problem("camera", "the camera needs at least 320×240 and 1–60 frames a second");
        }
        if (c.camera().steadyFrames() < 1 || c.camera().steadyFrames() > 60) {
            problem("camera.steadyFrames", "'camera.steadyFrames' must be 1–60");
        }
        if (c.camera().findSeconds() < 5) {
            problem("camera.findSeconds", "'camera.findSeconds' must be at least 5");
        }
    }

    private void masks() {
        for (int i = 0; i < c.documentMasks().size(); i++) {
            MaskRegion m = c.documentMasks().get(i);
            String at = "documentMasks[" + i + "]";
            if (m.document() == null || m.side() == null) {
                problem(at, "each of 'documentMasks' needs a document and a side (front or back)");
            } else if (m.document() == DocumentType.MY_NUMBER_CARD && m.side() == KioskSession.Side.BACK) {
                problem(at + ".side", "the My Number card's back is never captured, so it has nothing to mask");
            } else if (!m.onCard()) {
                problem(at, "the mask '" + m.label() + "' must lie on the 85.60 × 53.98 mm card"
                        + " (x, y, width and height in millimetres)");
            }
        }
    }

}
