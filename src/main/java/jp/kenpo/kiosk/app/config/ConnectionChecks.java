package jp.kenpo.kiosk.app.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jp.kenpo.kiosk.app.config.ConfigLoader.ConfigProblem;
import jp.kenpo.kiosk.core.config.CentralSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;

/**
 * The checks of what the kiosk connects to: the mail server, the central service (and the embedded
 * demonstration server), the roster's key and seed. Run by {@link ConfigValidator} after its own.
 */
final class ConnectionChecks extends ConfigChecks {

    ConnectionChecks(KioskConfig config, List<ConfigProblem> problems) {
        super(config, problems);
    }

    void check() {
        mail();
        central();
        roster();
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
}
