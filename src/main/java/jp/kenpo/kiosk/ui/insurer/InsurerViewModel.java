package jp.kenpo.kiosk.ui.insurer;

import java.util.Optional;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.FormStepViewModel;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * 2. 保険者番号: a valid number (length and check digit) that belongs to a union served at this
 * kiosk. A typo and a union not served here get different messages; what was typed is kept.
 */
public final class InsurerViewModel extends FormStepViewModel {

    public static final String NOT_SERVED = "insurer.error.notServed";

    private final KioskConfig config;
    private final KioskSession session;
    private final StringProperty number = new SimpleStringProperty("");
    private final BooleanBinding canAdvance;

    public InsurerViewModel(KioskConfig config, KioskSession session) {
        this.config = config;
        this.session = session;
        if (session.insurerNumber() != null) {
            number.set(session.insurerNumber().digits());
        }
        canAdvance = number.isNotEmpty();
        number.addListener((obs, was, now) -> message.set(null));
    }

    public StringProperty numberProperty() {
        return number;
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    @Override
    protected boolean take() {
        InsurerNumber.Result r = InsurerNumber.parse(number.get());
        if (!r.ok()) {
            message.set(Message.of(r.messageKey()));
            return false;
        }
        Optional<UnionConfig> union = config.union(r.value());
        if (union.isEmpty()) {
            message.set(Message.of(NOT_SERVED));
            return false;
        }
        session.union(r.value(), union.get().medicalAccess(),
                union.get().pointsName() != null
                        && config.consents().stream().anyMatch(jp.kenpo.kiosk.core.config.ConsentDocument::pointsTerms));
        return true;
    }
}
