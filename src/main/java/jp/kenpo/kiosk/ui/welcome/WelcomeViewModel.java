package jp.kenpo.kiosk.ui.welcome;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.UnionConfig;

/** What the welcome (attract) screen shows: the unions served here and whether this is a demonstration. */
public final class WelcomeViewModel {

    private final List<UnionConfig> unions;
    private final boolean demo;

    public WelcomeViewModel(KioskConfig config) {
        this.unions = config.unions();
        this.demo = config.kiosk().demo();
    }

    /** The unions' names in the given language, one per line. */
    public String unionNames(Locale locale) {
        return unions.stream().map(u -> u.name().in(locale)).collect(Collectors.joining("\n"));
    }

    public boolean demo() {
        return demo;
    }
}
