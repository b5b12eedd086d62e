package jp.kenpo.kiosk.core.roster;

import java.time.LocalDate;
import java.util.Optional;

import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.port.RosterRepository;

/**
 * 資格確認 — whether what the member typed matches a person on the roster. The outcome never reveals
 * roster data: a card that exists with another name or birthdate is only "does not match".
 */
public final class Eligibility {

    public enum Outcome {
        /** On the roster, active: continue. */
        ELIGIBLE("eligibility.eligible.title", "eligibility.eligible"),
        /** No such card: a typo, data not linked yet (1–2 months), a changed card, just joined. */
        NOT_FOUND("eligibility.notFound.title", "eligibility.notFound"),
        /** The card exists, the name or birthdate does not match it. */
        MISMATCH("eligibility.mismatch.title", "eligibility.mismatch"),
        /** Already verified under another account (保険証情報の照会は1名1回). */
        ALREADY_VERIFIED("eligibility.alreadyVerified.title", "eligibility.alreadyVerified");

        private final String titleKey;
        private final String messageKey;

        Outcome(String titleKey, String messageKey) {
            this.titleKey = titleKey;
            this.messageKey = messageKey;
        }

        public String titleKey() {
            return titleKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final RosterRepository roster;
    private final ThreadLocal<RosterKeys> keys;

    public Eligibility(RosterRepository roster, byte[] rosterKey) {
        this.roster = roster;
        byte[] k = rosterKey.clone();
        this.keys = ThreadLocal.withInitial(() -> new RosterKeys(k));
    }

    public Outcome check(InsurerNumber insurer, InsuranceCard card, KanaName name, LocalDate birthDate) {
        RosterKeys k = keys.get();
        Optional<RosterEntry> match = roster.findByMatchKey(k.matchKey(insurer, card, name, birthDate));
        if (match.isPresent()) {
            return switch (match.get().status()) {
                case ACTIVE -> roster.usedHere(match.get().matchKey()) ? Outcome.ALREADY_VERIFIED : Outcome.ELIGIBLE;
                case ALREADY_VERIFIED -> Outcome.ALREADY_VERIFIED;
                case REMOVED -> Outcome.NOT_FOUND;
            };
        }
        return roster.cardKnown(k.cardKey(insurer, card)) ? Outcome.MISMATCH : Outcome.NOT_FOUND;
    }

    /**
     * 1名1回 on this kiosk: after this person's registration was queued under {@code receiptNumber},
     * {@link #check} answers {@link Outcome#ALREADY_VERIFIED} for them until the central service's
     * roster speaks for them again (see {@code SqliteRosterRepository.Batch#addFromCentral}).
     */
    public void markUsed(InsurerNumber insurer, InsuranceCard card, KanaName name, LocalDate birthDate,
                         String receiptNumber) {
        roster.markUsedHere(keys.get().matchKey(insurer, card, name, birthDate), receiptNumber);
    }
}
