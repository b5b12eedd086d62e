package jp.kenpo.kiosk.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import jp.kenpo.kiosk.core.config.KioskLanguage;

/**
 * The kiosk's texts: Japanese is the base bundle ({@code messages.properties}), each other language of
 * {@link KioskLanguage} has its own ({@code messages_en}, {@code messages_zh_CN}, {@code messages_ko},
 * {@code messages_vi}, {@code messages_pt_BR}), all read as UTF-8 (Java 9+ reads property bundles as
 * UTF-8); the operating system's locale is never consulted. Views bind to {@link #text}, so switching
 * the language updates every screen. The languages offered are the configuration's
 * {@code kiosk.languages}; with only Japanese there is nothing to switch to.
 */
public final class I18n {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** Every language the kiosk has texts for, in the picker's order. */
    public static final List<Locale> SUPPORTED =
            java.util.Arrays.stream(KioskLanguage.values()).map(KioskLanguage::locale).toList();

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<Locale> offered;
    private final ReadOnlyObjectWrapper<Locale> locale = new ReadOnlyObjectWrapper<>(JAPANESE);
    private ResourceBundle bundle = bundle(JAPANESE);

    /** Japanese and English. */
    public I18n() {
        this(SUPPORTED);
    }

    /** The given languages, offered in the order of {@link #SUPPORTED}; Japanese must be one (every session starts in it). */
    public I18n(List<Locale> offered) {
        if (!offered.contains(JAPANESE) || !SUPPORTED.containsAll(offered)) {
            throw new IllegalArgumentException("the languages must include Japanese and be among " + SUPPORTED);
        }
        this.offered = SUPPORTED.stream().filter(offered::contains).toList();
    }

    /** The languages of a configuration's {@code kiosk.languages} ({@code ja}, {@code en}, {@code zh-CN}, …). */
    public static I18n of(List<String> languageTags) {
        return new I18n(languageTags.stream().map(Locale::forLanguageTag).toList());
    }

    /** The languages a member may switch between. */
    public List<Locale> offered() {
        return offered;
    }

    /** The name of {@code l} in its own script, as the language picker shows it (한국어, Tiếng Việt). */
    public static String nativeName(Locale l) {
        return language(l).nativeName();
    }

    /** The tag of {@code l} as {@code kiosk.languages} writes it ({@code zh-CN}); the picker's buttons are ids by it. */
    public static String tag(Locale l) {
        return language(l).tag();
    }

    private static KioskLanguage language(Locale l) {
        return KioskLanguage.of(l).orElseThrow(() -> new IllegalArgumentException("unsupported language " + l));
    }

    /** Whether there is another language to switch to (else the language button is not shown). */
    public boolean offersChoice() {
        return offered.size() > 1;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, I18n.class.getClassLoader(), NO_FALLBACK);
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        if (!offered.contains(l)) {
            throw new IllegalArgumentException("unsupported language " + l);
        }
        bundle = bundle(l);
        locale.set(l);
    }

    /** Switches to the next language offered; with one language, does nothing. */
    public void toggle() {
        setLocale(offered.get((offered.indexOf(locale()) + 1) % offered.size()));
    }

    /** The text for {@code key} in the current language, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // Visible to testers, harmless to members; the bundle test keeps this from shipping.
            return "⟦" + key + "⟧";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** A binding that follows the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
