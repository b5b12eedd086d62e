package jp.kenpo.kiosk.ui.document;

import java.util.List;

import javafx.beans.value.ObservableBooleanValue;

import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.session.KioskSession;
import jp.kenpo.kiosk.ui.step.StepViewModel;

/** 8. 本人確認書類の選択: the documents the member's union accepts; choosing one moves on. */
public final class DocumentChoiceViewModel implements StepViewModel {

    private final UnionConfig union;
    private final KioskSession session;
    /** Whether the member chose a document on this screen. */
    private boolean chosen;

    public DocumentChoiceViewModel(UnionConfig union, KioskSession session) {
        this.union = union;
        this.session = session;
    }

    /** The accepted documents, in the order the manuals list them. */
    public List<DocumentType> documents() {
        return List.of(DocumentType.values()).stream().filter(union.documents()::contains).toList();
    }

    public void choose(DocumentType type) {
        if (!union.documents().contains(type)) {
            throw new IllegalArgumentException(type + " is not accepted by this union");
        }
        session.document(type);
        chosen = true;
    }

    /** No 次へ: choosing a document goes on. */
    @Override
    public ObservableBooleanValue canAdvance() {
        return null;
    }

    @Override
    public void commit(Runnable proceed) {
        if (chosen) {
            proceed.run();
        }
    }

    /** The message key of the line under a document's name: which sides will be photographed. */
    public static String sidesKey(DocumentType type) {
        return type.asksAboutBack() ? "document.sides.frontAndMaybeBack" : "document.sides.frontOnly";
    }

    public static String nameKey(DocumentType type) {
        return switch (type) {
            case DRIVERS_LICENSE -> "document.driversLicense";
            case MY_NUMBER_CARD -> "document.myNumberCard";
            case DRIVING_HISTORY_CERTIFICATE -> "document.drivingHistoryCertificate";
            case RESIDENCE_CARD -> "document.residenceCard";
        };
    }
}
