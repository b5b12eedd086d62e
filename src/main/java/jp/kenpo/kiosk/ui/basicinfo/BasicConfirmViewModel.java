package jp.kenpo.kiosk.ui.basicinfo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.member.Era;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.common.Message;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** 本人情報の確認: what was entered, for the member to check before the roster is asked. */
public final class BasicConfirmViewModel implements StepViewModel {

    /** One line of the summary: a label key and the value as a message. */
    public record Row(String labelKey, Message value) {
    }

    private final ObservableBooleanValue always = StepViewModel.always();

    private final List<Row> rows = new ArrayList<>();

    public BasicConfirmViewModel(UnionConfig union, KioskSession session) {
        rows.add(new Row("confirm.union", Message.of("text.plain", union.name())));
        rows.add(new Row("confirm.insurerNumber", Message.of("text.plain", session.insurerNumber().digits())));
        String symbol = session.cardSymbol() == null || session.cardSymbol().isEmpty() ? "—" : session.cardSymbol();
        rows.add(new Row("confirm.symbol", Message.of("text.plain", symbol)));
        rows.add(new Row("confirm.number", Message.of("text.plain", session.cardNumber())));
        if (session.cardBranch() != null && !session.cardBranch().isEmpty()) {
            rows.add(new Row("confirm.branch", Message.of("text.plain", session.cardBranch())));
        }
        rows.add(new Row("confirm.memberType", Message.of(session.memberType() == MemberType.DEPENDENT
                ? "card.dependent" : "card.insured")));
        rows.add(new Row("confirm.name", Message.of("text.plain", session.kanaName())));
        rows.add(new Row("confirm.birthDate", birth(session.birthDate())));
    }

    static Message birth(LocalDate d) {
        return Era.of(d)
                .map(e -> Message.of("confirm.birthDateEra", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                        Message.of(e.messageKey()), e.yearOf(d) == 1 ? Message.of("era.firstYear")
                                : Message.of("text.plain", e.yearOf(d))))
                .orElse(Message.of("confirm.birthDateWestern", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** 「この内容で本人確認する」 is always there: the roster check comes next. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return always;
    }

    @Override
    public void commit(Runnable proceed) {
        proceed.run();
    }
}
