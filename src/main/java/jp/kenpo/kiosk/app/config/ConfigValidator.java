package jp.kenpo.kiosk.app.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.kenpo.kiosk.app.config.ConfigLoader.ConfigProblem;
import jp.kenpo.kiosk.core.account.SlowHash;
import jp.kenpo.kiosk.core.config.CentralSettings;
import jp.kenpo.kiosk.core.config.ConsentDocument;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.LocalizedText;
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
final class ConfigValidator {

    private static final Pattern KIOSK_ID = Pattern.compile("[A-Z][A-Z0-9]{0,7}");
    private static final Set<String> LANGUAGES = Set.of("ja", "en");
    /** The fewest PBKDF2 rounds a production PIN hash may use (what {@code hash-pin} makes). */
    static final int MIN_PIN_ITERATIONS = SlowHash.DEFAULT_ITERATIONS;
    /**
     * Ten times the default: about 1–3 s per PIN on a counter PC (the default takes 0.1–0.3 s). Above
     * that, staff would wait at the pad and a lockout of the kiosk by slowness would be one typo away.
     */
    static final int MAX_PIN_ITERATIONS = 10 * SlowHash.DEFAULT_ITERATIONS;
    /** The shortest lockout after too many wrong PINs on a production kiosk. */
    static final int MIN_LOCKOUT_SECONDS = 60;

    private final KioskConfig c;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigValidator(KioskConfig config) {
        this.c = config;
    }

    List<ConfigProblem> problems() {
        kiosk();
        display();
        timeouts();
        unions();
        consents();
        staff();
        camera();
        masks();
        mail();
        central();
        roster();
        return problems;
    }

    private void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    /** Whether this is a production kiosk, where demonstration material is refused. */
    private boolean production() {
        return c.kiosk() != null && !c.kiosk().demo();
    }

    private boolean missing(Object section, String path) {
        if (section == null) {
            problem(path, "'" + path + "' is missing");
            return true;
        }
        return false;
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
            problem("kiosk.languages", "'kiosk.languages' must include ja ([ja] offers Japanese only, [ja, en] also"
                    + " the English button)");
        }
        for (int i = 0; i < languages.size(); i++) {
            if (!LANGUAGES.contains(languages.get(i))) {
                problem("kiosk.languages[" + i + "]", "'" + languages.get(i)
                        + "' is not a language of this kiosk (ja, en)");
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
                readable(d.file().ja(), at + ".file.ja");
                if (!blank(d.file().en())) {
                    readable(d.file().en(), at + ".file.en");
                }
            }
        }
    }

    private void staff() {
        if (missing(c.staff(), "staff")) {
            return;
        }
        if (!SlowHash.isWellFormed(c.staff().pinHash())) {
            problem("staff.pinHash", "'staff.pinHash' is not a PIN hash: make one with "
                    + "'java -jar kenpo-kiosk.jar hash-pin'");
        } else if (SlowHash.iterations(c.staff().pinHash()).getAsInt() > MAX_PIN_ITERATIONS) {
            problem("staff.pinHash", "'staff.pinHash' is made with i=" + SlowHash.iterations(c.staff().pinHash())
                    .getAsInt() + " rounds: checking one PIN would take minutes; at most i=" + MAX_PIN_ITERATIONS
                    + " (make it again with 'java -jar kenpo-kiosk.jar hash-pin')");
        } else if (production() && DemoMaterial.PIN_HASH.equals(c.staff().pinHash())) {
            problem("staff.pinHash", "'staff.pinHash' is the demo PIN's hash, and the demo PIN is published: make"
                    + " this kiosk's own with 'java -jar kenpo-kiosk.jar hash-pin' (usually ${KIOSK_STAFF_PIN_HASH})");
        } else if (production() && SlowHash.iterations(c.staff().pinHash()).getAsInt() < MIN_PIN_ITERATIONS) {
            problem("staff.pinHash", "'staff.pinHash' is made with i=" + SlowHash.iterations(c.staff().pinHash())
                    .getAsInt() + " rounds, too fast to stop guessing: a production kiosk needs at least i="
                    + MIN_PIN_ITERATIONS + "; make it again with 'java -jar kenpo-kiosk.jar hash-pin'");
        }
        if (c.staff().maxAttempts() < 1 || c.staff().maxAttempts() > 20) {
            problem("staff.maxAttempts", "'staff.maxAttempts' must be between 1 and 20");
        }
        if (c.staff().idleSeconds() < 10 || c.staff().idleSeconds() > 600) {
            problem("staff.idleSeconds", "'staff.idleSeconds' must be between 10 and 600 (the staff screen must not stay"
                    + " open for the next person)");
        }
        if (c.staff().lockoutSeconds() < 0) {
            problem("staff.lockoutSeconds", "'staff.lockoutSeconds' must not be negative");
        } else if (production() && c.staff().lockoutSeconds() < MIN_LOCKOUT_SECONDS) {
            problem("staff.lockoutSeconds", "'staff.lockoutSeconds' must be at least " + MIN_LOCKOUT_SECONDS
                    + " on a production kiosk, or PINs can be guessed without pause");
        }
    }

    private void camera() {
        if (missing(c.camera(), "camera")) {
            return;
        }
        String s = c.camera().source();
        if (blank(s)) {
            problem("camera", "'camera.source' is missing (virtual:DIR, device:NAME or index:N)");
        } else if (s.startsWith("virtual:")) {
            Path dir = c.resolve(s.substring("virtual:".length()));
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

    private void mail() {
        if (missing(c.mail(), "mail")) {
            return;
        }
        String mode = c.mail().mode();
        if ("folder".equals(mode)) {
            if (production()) {
                problem("mail.mode", "'mail.mode: folder' writes the members' mail to files on this machine instead"
                        + " of sending it, for demonstrations only: use smtp");
            } else if (blank(c.mail().folder())) {
                problem("mail", "'mail.folder' is missing (mode folder writes .eml files there)");
            }
        } else if ("smtp".equals(mode)) {
            if (blank(c.mail().host()) || c.mail().port() == null || blank(c.mail().from())) {
                problem("mail", "mode smtp needs 'host', 'port' and 'from'");
            }
            String sec = c.mail().security();
            if (!Set.of("starttls", "smtps", "none").contains(sec)) {
                problem("mail.security", "'mail.security' must be starttls, smtps or none");
            } else if (sec.equals("none") && !isLoopback(c.mail().host())) {
                problem("mail.security", "'mail.security: none' sends in clear: only to 127.0.0.1 or localhost");
            }
        } else {
            problem(mode == null ? "mail" : "mail.mode", "'mail.mode' must be smtp or folder");
        }
        if (c.mail().timeoutSeconds() < 1 || c.mail().timeoutSeconds() > 10) {
            problem("mail.timeoutSeconds", "'mail.timeoutSeconds' must be between 1 and 10 (the member is waiting)");
        }
    }

    private void central() {
        if (missing(c.central(), "central")) {
            return;
        }
        String url = c.central().url();
        if (blank(url)) {
            problem("central", "'central.url' is missing");
            return;
        }
        try {
            URI u = new URI(url);
            if (!"https".equals(u.getScheme()) && !("http".equals(u.getScheme()) && isLoopback(u.getHost()))) {
                problem("central.url", "'central.url' must use https (plain http only to 127.0.0.1 or localhost)");
            }
        } catch (URISyntaxException e) {
            problem("central.url", "'central.url' is not a URL");
        }
        if (blank(c.central().deviceToken())) {
            problem("central", "'central.deviceToken' is missing (usually ${KIOSK_DEVICE_TOKEN})");
        } else if (production() && DemoMaterial.DEVICE_TOKEN.equals(c.central().deviceToken())) {
            problem("central.deviceToken", "'central.deviceToken' is the demo's published token: set this kiosk's own"
                    + " credential from the central service (usually ${KIOSK_DEVICE_TOKEN})");
        }
        if (blank(c.central().keyId())) {
            problem("central", "'central.keyId' is missing (the name of the central service's key)");
        }
        if (!blank(c.central().caFile())) {
            readable(c.central().caFile(), "central.caFile");
        }
        CentralSettings.Embedded embedded = c.central().embedded();
        if (embedded != null) {
            if (c.kiosk() != null && !c.kiosk().demo()) {
                problem("central.embedded", "the embedded central server is for demonstrations only (it keeps opened "
                        + "registrations on this machine): remove it, or set 'kiosk.demo: true'");
            }
            if (!embeddableUrl(url)) {
                problem("central.embedded", "the embedded central server needs 'central.url' on http://127.0.0.1:PORT");
            }
            if (blank(embedded.dataDir())) {
                problem("central.embedded", "'central.embedded.dataDir' is missing");
            }
            if (blank(embedded.privateKeyFile())) {
                problem("central.embedded", "'central.embedded.privateKeyFile' is missing");
            } else {
                readable(embedded.privateKeyFile(), "central.embedded.privateKeyFile");
            }
        }
        if (blank(c.central().publicKeyFile())) {
            problem("central", "'central.publicKeyFile' is missing (the central service's public key, PEM)");
            return;
        }
        Path key = c.resolve(c.central().publicKeyFile());
        try {
            java.security.PublicKey read = jp.kenpo.kiosk.sync.CentralKey.read(key);
            if (production() && DemoMaterial.isDemoCentralKey(read)) {
                problem("central.publicKeyFile", "the central service's key " + key + " is the demo key, whose private"
                        + " half is published: registrations sealed to it are readable by anyone; use the public key"
                        + " of the union's central service");
            }
        } catch (java.io.IOException e) {
            problem("central.publicKeyFile", "the central service's key " + key + " cannot be read");
        } catch (java.security.GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            problem("central.publicKeyFile", "the central service's key " + key + " is not an RSA public key: "
                    + e.getMessage());
        }
    }

    private void roster() {
        if (missing(c.roster(), "roster")) {
            return;
        }
        if (blank(c.roster().key()) || c.roster().key().length() < 16) {
            problem("roster", "'roster.key' must be at least 16 characters (usually ${KIOSK_ROSTER_KEY})");
        } else if (production() && DemoMaterial.ROSTER_KEY.equals(c.roster().key())) {
            problem("roster.key", "'roster.key' is the demo's published key: set the union's roster key, shared with"
                    + " the central service (usually ${KIOSK_ROSTER_KEY})");
        }
        if (!blank(c.roster().seedFile())) {
            if (production()) {
                problem("roster.seedFile", "'roster.seedFile' loads a demonstration roster: remove it, and fill the"
                        + " roster with 'roster import' or from the central service");
            } else {
                readable(c.roster().seedFile(), "roster.seedFile");
            }
        }
    }

    private static boolean embeddableUrl(String url) {
        try {
            URI u = new URI(url);
            return "http".equals(u.getScheme()) && isLoopback(u.getHost()) && u.getPort() > 0;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether {@code host} is this machine without asking a name server: exactly {@code localhost},
     * or an IP literal ({@code 127.x.y.z}, {@code [::1]}) for which the address is a loopback one.
     * A name that only starts like one ({@code 127.0.0.1.example.net}) is not.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean v6 = host.length() > 2 && host.startsWith("[") && host.endsWith("]");
        String literal = v6 ? host.substring(1, host.length() - 1) : host;
        boolean looksLiteral = v6 ? literal.matches("[0-9A-Fa-f:.]+") && literal.contains(":")
                : literal.matches("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
        if (!looksLiteral) {
            return false;
        }
        try {
            // an IP literal is parsed, never looked up
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private boolean localized(LocalizedText t, String path, String parent, String whenMissing) {
        if (t == null || blank(t.ja())) {
            problem(t == null ? parent : path, whenMissing + " (give at least 'ja')");
            return false;
        }
        return true;
    }

    private void readable(String file, String path) {
        Path p = c.resolve(file);
        if (!Files.isReadable(p)) {
            problem(path, "the file " + p + " cannot be read");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
