package jp.kenpo.kiosk.core.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.port.RegistrationSubmitter;
import jp.kenpo.kiosk.core.session.RegistrationSnapshot;

/**
 * 保険証情報の照会は1名1回, on this kiosk: once a registration is queued, the person it is for no
 * longer passes the roster check here, even before the next roster pull brings the central service's
 * word — otherwise the same card could be registered twice at the counter in one afternoon.
 */
public final class MarkUsedOnSubmit implements RegistrationSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(MarkUsedOnSubmit.class);

    private final RegistrationSubmitter next;
    private final Eligibility eligibility;

    public MarkUsedOnSubmit(RegistrationSubmitter next, Eligibility eligibility) {
        this.next = next;
        this.eligibility = eligibility;
    }

    @Override
    public Receipt submit(RegistrationSnapshot s) {
        // A session resumed from the app after its membership was verified there has no card
        // holder here: the central service already counts that person.
        boolean holder = s.insurerNumber() != null && s.cardNumber() != null && s.kanaName() != null
                && s.birthDate() != null;
        KanaName.Result parsed = holder ? KanaName.parse(s.kanaName()) : null;
        InsuranceCard card = holder ? new InsuranceCard(s.cardSymbol(), s.cardNumber(), s.cardBranch()) : null;
        var insurer = s.insurerNumber();
        var birth = s.birthDate();
        Receipt receipt = next.submit(s);
        if (parsed == null || !parsed.ok()) {
            return receipt;
        }
        KanaName name = parsed.value();
        // The registration is queued: a failure to mark must not fail the submit (the member would
        // try again and queue it twice); the central service still refuses a second one.
        try {
            eligibility.markUsed(insurer, card, name, birth, receipt.number());
        } catch (RuntimeException e) {
            LOG.warn("receipt {}: the roster could not be marked as used on this kiosk ({})", receipt.number(),
                    e.getClass().getSimpleName());
        }
        return receipt;
    }
}
