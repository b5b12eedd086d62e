package jp.kenpo.kiosk.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.kenpo.kiosk.app.config.ConfigLoader.ConfigProblem;
import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.LocalizedText;

/** What the groups of configuration checks share: the configuration, the problems found so far, small helpers. */
abstract class ConfigChecks {

    final KioskConfig c;
    final List<ConfigProblem> problems;

    ConfigChecks(KioskConfig config, List<ConfigProblem> problems) {
        this.c = config;
        this.problems = problems;
    }

    final void problem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    /** Whether this is a production kiosk, where demonstration material is refused. */
    final boolean production() {
        return c.kiosk() != null && !c.kiosk().demo();
    }

    final boolean missing(Object section, String path) {
        if (section == null) {
            problem(path, "'" + path + "' is missing");
            return true;
        }
        return false;
    }

    final boolean localized(LocalizedText t, String path, String parent, String whenMissing) {
        if (t == null || blank(t.ja())) {
            problem(t == null ? parent : path, whenMissing + " (give at least 'ja')");
            return false;
        }
        return true;
    }

    final void readable(String file, String path) {
        Path p = c.resolve(file);
        if (!Files.isReadable(p)) {
            problem(path, "the file " + p + " cannot be read");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
