package jp.kenpo.kiosk.core.config;

import java.util.List;

/**
 * @param id              this kiosk's short id, the prefix of its receipt numbers (e.g. {@code K07})
 * @param dataDir         where the SQLite file and queued images live
 * @param languages       the languages offered (ja, en)
 * @param demo            demo mode: marks the screen as a demonstration
 */
public record KioskSettings(String id, String dataDir, List<String> languages, Boolean demo) {

    public KioskSettings {
        languages = languages == null ? List.of("ja", "en") : List.copyOf(languages);
        demo = demo != null && demo;
    }
}
