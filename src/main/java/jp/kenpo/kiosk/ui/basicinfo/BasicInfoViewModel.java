package jp.kenpo.kiosk.ui.basicinfo;

import java.time.Clock;
import java.time.LocalDate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.kenpo.kiosk.core.member.BirthDate;
import jp.kenpo.kiosk.core.member.Era;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.FormStepViewModel;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * 4. 基本情報: the name in full-width katakana and the birthdate by era or western year. Refusals
 * name the wrong character or the right era; what was typed stays.
 */
public final class BasicInfoViewModel extends FormStepViewModel {

    /** The year's reckoning chosen on screen: an era, or the western calendar. */
    public enum Calendar {
        SHOWA(Era.SHOWA), HEISEI(Era.HEISEI), REIWA(Era.REIWA), TAISHO(Era.TAISHO), WESTERN(null);

        private final Era era;

        Calendar(Era era) {
            this.era = era;
        }

        public Era era() {
            return era;
        }

        public String messageKey() {
            return era == null ? "era.western" : era.messageKey();
        }
    }

    private final KioskSession session;
    private final Clock clock;
    private final StringProperty kanaName = new SimpleStringProperty("");
    private final ObjectProperty<Calendar> calendar = new SimpleObjectProperty<>();
    private final StringProperty year = new SimpleStringProperty("");
    private final StringProperty month = new SimpleStringProperty("");
    private final StringProperty day = new SimpleStringProperty("");
    private final BooleanBinding canAdvance;

    public BasicInfoViewModel(KioskSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        if (session.kanaName() != null) {
            kanaName.set(session.kanaName());
            LocalDate b = session.birthDate();
            Era e = Era.of(b).orElse(null);
            calendar.set(e == null ? Calendar.WESTERN : Calendar.valueOf(e.name()));
            year.set(Integer.toString(e == null ? b.getYear() : e.yearOf(b)));
            month.set(Integer.toString(b.getMonthValue()));
            day.set(Integer.toString(b.getDayOfMonth()));
        }
        canAdvance = Bindings.createBooleanBinding(() -> !kanaName.get().isBlank() && calendar.get() != null
                && !year.get().isBlank() && !month.get().isBlank() && !day.get().isBlank(),
                kanaName, calendar, year, month, day);
        for (var p : new javafx.beans.Observable[] {kanaName, calendar, year, month, day}) {
            p.addListener(o -> message.set(null));
        }
    }

    public StringProperty kanaNameProperty() {
        return kanaName;
    }

    public ObjectProperty<Calendar> calendarProperty() {
        return calendar;
    }

    public StringProperty yearProperty() {
        return year;
    }

    public StringProperty monthProperty() {
        return month;
    }

    public StringProperty dayProperty() {
        return day;
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    @Override
    protected boolean take() {
        KanaName.Result name = KanaName.parse(kanaName.get());
        if (!name.ok()) {
            message.set(Message.of(name.messageKey(), name.offending()));
            return false;
        }
        if (calendar.get() == null) {
            message.set(Message.of(BirthDate.INCOMPLETE));
            return false;
        }
        BirthDate.Result birth = BirthDate.parse(calendar.get().era(), number(year.get()), number(month.get()),
                number(day.get()), clock);
        if (!birth.ok()) {
            if (birth.suggestedEra() != null) {
                message.set(Message.of(birth.messageKey(), Message.of(calendar.get().messageKey()),
                        number(year.get()), number(month.get()), number(day.get()),
                        Message.of(birth.suggestedEra().messageKey()), birth.suggestedYear() == 1
                                ? Message.of("era.firstYear") : Message.of("text.plain", birth.suggestedYear())));
            } else {
                message.set(Message.of(birth.messageKey()));
            }
            return false;
        }
        // Show the name as it will be stored (hiragana turned into katakana).
        kanaName.set(name.value().display());
        session.person(name.value().display(), birth.value());
        return true;
    }

    private static Integer number(String s) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(t);
    }
}
