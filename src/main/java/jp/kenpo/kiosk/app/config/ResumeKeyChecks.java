package jp.kenpo.kiosk.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.kenpo.kiosk.app.config.ConfigLoader.ConfigProblem;
import jp.kenpo.kiosk.core.config.CentralSettings;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.resume.ResumeKeys;

/**
 * The checks of {@code central.resumeKeys}, the keys that sign the resume QR codes of signups begun
 * in the members' app (docs/central-service.md §13): each entry has a kid, used once, and a
 * readable Ed25519 public key in PEM. A production kiosk refuses the demo's key, whose private half
 * is published: anyone could make codes it accepts.
 */
final class ResumeKeyChecks {

    private ResumeKeyChecks() {
    }

    static List<ConfigProblem> problems(KioskConfig c) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (c.central() == null) {
            return problems; // the central checks name the missing section
        }
        boolean production = c.kiosk() != null && !c.kiosk().demo();
        Set<String> kids = new HashSet<>();
        List<CentralSettings.ResumeKey> keys = c.central().resumeKeys();
        for (int i = 0; i < keys.size(); i++) {
            String at = "central.resumeKeys[" + i + "]";
            CentralSettings.ResumeKey k = keys.get(i);
            if (k == null) {
                problems.add(new ConfigProblem(at, "'" + at + "' is empty: give kid and publicKeyFile"));
                continue;
            }
            if (k.kid() == null || k.kid().isBlank()) {
                problems.add(new ConfigProblem(at, "'" + at + ".kid' is missing (the key's name, as the codes state it)"));
            } else if (!kids.add(k.kid())) {
                problems.add(new ConfigProblem(at + ".kid", "the kid '" + k.kid() + "' is listed twice in"
                        + " 'central.resumeKeys'"));
            }
            if (k.publicKeyFile() == null || k.publicKeyFile().isBlank()) {
                problems.add(new ConfigProblem(at, "'" + at + ".publicKeyFile' is missing (an Ed25519 public key,"
                        + " PEM)"));
                continue;
            }
            Path file = c.resolve(k.publicKeyFile());
            try {
                PublicKey key = ResumeKeys.readPublic(file);
                if (production && DemoMaterial.isDemoResumeKey(key)) {
                    problems.add(new ConfigProblem(at + ".publicKeyFile", "the resume key " + file + " is the demo"
                            + " key, whose private half is published: anyone could make QR codes this kiosk accepts;"
                            + " use the key of the union's central service"));
                }
            } catch (IOException e) {
                problems.add(new ConfigProblem(at + ".publicKeyFile", "the resume key " + file + " cannot be read"));
            } catch (GeneralSecurityException e) {
                problems.add(new ConfigProblem(at + ".publicKeyFile", "the resume key " + file + " is not an Ed25519"
                        + " public key in PEM (-----BEGIN PUBLIC KEY-----): " + e.getMessage()));
            }
        }
        return problems;
    }
}
