package jp.kenpo.kiosk.ui.card;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.FormStepViewModel;
import jp.kenpo.kiosk.ui.common.Message;

/**
 * 3. 記号・番号: the form of the union's card pattern (①–④), 本人 or 家族, and 枝番 where the union
 * uses it. What was typed is kept when it is refused; the message says which field is wrong.
 */
public final class CardViewModel extends FormStepViewModel {

    private final UnionConfig union;
    private final KioskSession session;
    private final StringProperty symbol = new SimpleStringProperty("");
    private final StringProperty symbolFront = new SimpleStringProperty("");
    private final StringProperty symbolBack = new SimpleStringProperty("");
    private final StringProperty number = new SimpleStringProperty("");
    private final StringProperty branch = new SimpleStringProperty("");
    private final ObjectProperty<MemberType> memberType = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<InsuranceCard.Field> wrongField = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<InsuranceCard.Field> askedField = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canAdvance;

    public CardViewModel(UnionConfig union, KioskSession session) {
        this.union = union;
        this.session = session;
        if (session.cardNumber() != null) {
            number.set(session.cardNumber());
            branch.set(session.cardBranch());
            memberType.set(session.memberType());
            if (pattern() == CardPattern.SYMBOL_SPLIT_AND_NUMBER) {
                symbolBack.set(session.cardSymbol());
            } else {
                symbol.set(session.cardSymbol());
            }
        }
        askedField.set(firstField());
        wrongField.addListener((obs, was, now) -> {
            if (now != null) {
                askedField.set(now);
            }
        });
        canAdvance = Bindings.createBooleanBinding(this::filled, symbol, symbolFront, symbolBack, number, memberType);
        for (StringProperty p : new StringProperty[] {symbol, symbolFront, symbolBack, number, branch}) {
            p.addListener((obs, was, now) -> {
                message.set(null);
                wrongField.set(null);
            });
        }
    }

    private boolean filled() {
        if (memberType.get() == null || number.get().isBlank()) {
            return false;
        }
        return switch (pattern()) {
            case NUMBER_WITH_HYPHEN, NUMBER_ONLY -> true;
            case SYMBOL_AND_NUMBER -> !symbol.get().isBlank();
            case SYMBOL_SPLIT_AND_NUMBER -> !symbolBack.get().isBlank();
        };
    }

    public CardPattern pattern() {
        return union.cardPattern();
    }

    public boolean usesBranch() {
        return union.normalization().branch();
    }

    /** Whether the form has a 記号(前) field (the union counts it). */
    public boolean asksSymbolFront() {
        return pattern() == CardPattern.SYMBOL_SPLIT_AND_NUMBER;
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public StringProperty symbolFrontProperty() {
        return symbolFront;
    }

    public StringProperty symbolBackProperty() {
        return symbolBack;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public StringProperty branchProperty() {
        return branch;
    }

    public ObjectProperty<MemberType> memberTypeProperty() {
        return memberType;
    }

    /**
     * The field the member is at, which the picture of the card marks: the form's first field at
     * first, then the one the member touches, and the wrong one after a refusal.
     */
    public ReadOnlyObjectProperty<InsuranceCard.Field> askedFieldProperty() {
        return askedField.getReadOnlyProperty();
    }

    /** The member is at this field (it took the focus). A field this pattern does not show is ignored. */
    public void ask(InsuranceCard.Field field) {
        if (fields().contains(field)) {
            askedField.set(field);
        }
    }

    /** The fields of the form, in order: those of the union's card pattern, and 枝番 where it is used. */
    public List<InsuranceCard.Field> fields() {
        List<InsuranceCard.Field> fields = new ArrayList<>(switch (pattern()) {
            case SYMBOL_AND_NUMBER -> List.of(InsuranceCard.Field.SYMBOL, InsuranceCard.Field.NUMBER);
            case SYMBOL_SPLIT_AND_NUMBER -> List.of(InsuranceCard.Field.SYMBOL_FRONT,
                    InsuranceCard.Field.SYMBOL_BACK, InsuranceCard.Field.NUMBER);
            case NUMBER_WITH_HYPHEN, NUMBER_ONLY -> List.of(InsuranceCard.Field.NUMBER);
        });
        if (usesBranch()) {
            fields.add(InsuranceCard.Field.BRANCH);
        }
        return List.copyOf(fields);
    }

    private InsuranceCard.Field firstField() {
        return fields().get(0);
    }

    public ReadOnlyObjectProperty<InsuranceCard.Field> wrongFieldProperty() {
        return wrongField.getReadOnlyProperty();
    }

    @Override
    public BooleanBinding canAdvance() {
        return canAdvance;
    }

    @Override
    protected boolean take() {
        if (memberType.get() == null) {
            message.set(Message.of("card.error.memberType"));
            return false;
        }
        InsuranceCard.Result r = InsuranceCard.parse(pattern(), union.normalization(),
                new InsuranceCard.Input(symbol.get(), symbolFront.get(), symbolBack.get(), number.get(), branch.get()));
        if (!r.ok()) {
            message.set(Message.of(r.messageKey()));
            wrongField.set(r.field());
            return false;
        }
        session.card(r.card().symbol(), r.card().number(), r.card().branch(), memberType.get());
        return true;
    }
}
