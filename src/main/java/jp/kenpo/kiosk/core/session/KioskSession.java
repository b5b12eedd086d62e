package jp.kenpo.kiosk.core.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

import jp.kenpo.kiosk.core.account.OneTimeCode;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.EntryPoint;
import jp.kenpo.kiosk.core.flow.JourneyFacts;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.resume.ResumeStep;
import jp.kenpo.kiosk.core.resume.ResumeToken;
import jp.kenpo.kiosk.core.resume.SignupDraft;

/**
 * Everything one member entered at the kiosk, held in memory only until submit. {@link #wipe()}
 * leaves nothing of it behind: secrets and images are overwritten, references dropped.
 *
 * <p>Longer than 300 lines on purpose: it is the one object the screens share, with a getter and a
 * setter for each thing the member enters, where the session came from (a resume token and the claimed
 * draft copied into those fields) and which staff member checked the member in person, and nothing
 * else; the parts with logic of their own, the
 * account (the password copy, the one-time code) and the pictures, live in {@link SessionAccount}
 * and {@link SessionPictures}, which overwrite what they hold.
 */
public final class KioskSession {

    /** The side of an identity document. */
    public enum Side { FRONT, BACK }

    private SessionId id;
    private Instant startedAt;
    private EntryPoint entry = EntryPoint.NEW;
    private String resumeId;
    /** The claimed draft of a resumed signup; null for a new one, or offline. */
    private SignupDraft draft;

    private final List<String> consents = new ArrayList<>();
    private final List<String> pointsConsents = new ArrayList<>();
    private InsurerNumber insurerNumber;
    private Boolean medicalOffered;
    private boolean pointsTerms;
    private MemberType memberType;
    private String cardSymbol;
    private String cardNumber;
    private String cardBranch;
    private String kanaName;
    private LocalDate birthDate;

    private final SessionAccount account = new SessionAccount();

    private Boolean medicalChosen;
    private DocumentType documentType;
    private Boolean backHasEntries;
    private final SessionPictures pictures = new SessionPictures();
    private String secretQuestion;
    private boolean secretQuestionCustom;
    private String secretAnswerHash;
    private boolean staffCheckedInPerson;
    private String staffId;
    /** How often the roster check refused this member; {@code null} before the first. */
    private Integer rosterRefusals;
    private String receiptNumber;
    private RegistrationOutcome outcome;
    private int captureRetries;

    private boolean wiped;

    public KioskSession(SessionId id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    /** The facts the flow decides the next step from. */
    public JourneyFacts facts() {
        return new JourneyFacts(entry, medicalOffered, medicalChosen, documentType, backHasEntries, pointsTerms,
                draft != null && draft.membershipDone());
    }

    /**
     * Drops everything the member entered: arrays are overwritten before their references go, so
     * no copy of a password or an image stays reachable through this object.
     */
    public void wipe() {
        id = null;
        startedAt = null;
        entry = EntryPoint.NEW;
        resumeId = null;
        draft = null;
        consents.clear();
        pointsConsents.clear();
        insurerNumber = null;
        medicalOffered = null;
        pointsTerms = false;
        memberType = null;
        cardSymbol = null;
        cardNumber = null;
        cardBranch = null;
        kanaName = null;
        birthDate = null;
        account.wipe();
        medicalChosen = null;
        dropMedical();
        rosterRefusals = null;
        receiptNumber = null;
        outcome = null;
        captureRetries = 0;
        wiped = true;
    }

    public boolean isWiped() {
        return wiped;
    }

    public SessionId id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public EntryPoint entry() {
        return entry;
    }

    public void resumedFrom(String resumeId, EntryPoint entry) {
        this.resumeId = resumeId;
        this.entry = entry;
    }

    /** 「アプリで登録中の方」: the member is about to show the app's QR code. */
    public void resuming() {
        this.entry = EntryPoint.RESUMING;
    }

    /**
     * The member resumes the signup of a verified token: its union, and — when the central service
     * returned it ({@code draft} not null) — the account made in the app and the membership entered
     * there. Offline ({@code draft} null) the kiosk asks for the card, the name and the birthdate.
     */
    public void resumedFrom(ResumeToken token, boolean medicalAccessOffered, SignupDraft draft) {
        resumedFrom(token.rid(), token.step() == ResumeStep.IDENTITY_VERIFIED ? EntryPoint.RESUMED_IDENTITY_VERIFIED
                : EntryPoint.RESUMED_ACCOUNT_CREATED);
        union(InsurerNumber.parse(token.insurer()).value(), medicalAccessOffered);
        this.draft = draft;
        if (draft == null) {
            return;
        }
        if (draft.email() != null) {
            account.set(draft.email(), null, null);
            account.emailVerified(draft.emailVerified());
        }
        if (draft.membershipDone()) {
            MemberType type = MemberType.fromCode(draft.memberType());
            if (type != null) {
                card(draft.cardSymbol(), draft.cardNumber(), draft.cardBranch(), type);
                person(draft.kanaName(), draft.birthDate());
            }
        }
    }

    /** The claimed draft of a resumed signup; null for a new one, or when the central service was not reached. */
    public SignupDraft draft() {
        return draft;
    }

    public String resumeId() {
        return resumeId;
    }

    /** Every consent given, each as {@code id@version}: the general ones, then the union's points terms. */
    public List<String> consents() {
        List<String> all = new ArrayList<>(consents);
        all.addAll(pointsConsents);
        return List.copyOf(all);
    }

    /** Records the consents given on the consent screen, each as {@code id@version}. */
    public void consented(List<String> given) {
        consents.clear();
        consents.addAll(given);
    }

    /** Records the points terms agreed to after the insurer number. */
    public void consentedToPoints(List<String> given) {
        pointsConsents.clear();
        pointsConsents.addAll(given);
    }

    public InsurerNumber insurerNumber() {
        return insurerNumber;
    }

    /** The member's union is known: its number and whether it offers medical-access authentication. */
    public void union(InsurerNumber number, boolean medicalAccessOffered) {
        union(number, medicalAccessOffered, false);
    }

    /**
     * The member's union is known, and whether it runs points whose terms this kiosk shows. Another
     * union drops points terms agreed to for the previous one.
     */
    public void union(InsurerNumber number, boolean medicalAccessOffered, boolean pointsTerms) {
        this.insurerNumber = number;
        this.medicalOffered = medicalAccessOffered;
        this.pointsTerms = pointsTerms;
        if (!pointsTerms) {
            pointsConsents.clear();
        }
    }

    public MemberType memberType() {
        return memberType;
    }

    public void card(String symbol, String number, String branch, MemberType type) {
        this.cardSymbol = symbol;
        this.cardNumber = number;
        this.cardBranch = branch;
        this.memberType = type;
    }

    public String cardSymbol() {
        return cardSymbol;
    }

    public String cardNumber() {
        return cardNumber;
    }

    public String cardBranch() {
        return cardBranch;
    }

    public void person(String kanaName, LocalDate birthDate) {
        this.kanaName = kanaName;
        this.birthDate = birthDate;
    }

    public String kanaName() {
        return kanaName;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** Sets the account; the session keeps its own copy of the password. */
    public void account(String email, char[] password, String invitationCode) {
        account.set(email, password, invitationCode);
    }

    public String email() {
        return account.email();
    }

    /** A copy of the password; the caller clears it after use. */
    public char[] password() {
        return account.password();
    }

    public String invitationCode() {
        return account.invitationCode();
    }

    public void emailVerified(boolean verified) {
        account.emailVerified(verified);
    }

    public boolean emailVerified() {
        return account.emailVerified();
    }

    /** This session's one-time code, made on first use; it lives and dies with the session. */
    public OneTimeCode oneTimeCode(Supplier<OneTimeCode> maker) {
        return account.oneTimeCode(maker);
    }

    /** The address the current code was mailed to, if one was. */
    public String codeSentTo() {
        return account.codeSentTo();
    }

    public void codeSentTo(String address) {
        account.codeSentTo(address);
    }

    public void medicalChosen(boolean chosen) {
        this.medicalChosen = chosen;
    }

    public void document(DocumentType type) {
        if (type != documentType) {
            pictures.clearDocumentImages();
            backHasEntries = null;
        }
        this.documentType = type;
    }

    public DocumentType documentType() {
        return documentType;
    }

    public void backHasEntries(boolean entries) {
        this.backHasEntries = entries;
    }

    /** Keeps a captured side. The My Number card's back is refused here, whatever the caller. */
    public void documentImage(Side side, byte[] encoded) {
        if (documentType == null) {
            throw new IllegalStateException("no document chosen");
        }
        if (side == Side.BACK && documentType == DocumentType.MY_NUMBER_CARD) {
            throw new IllegalArgumentException("the My Number card's back is never captured");
        }
        pictures.documentImage(side, encoded);
    }

    public Map<Side, byte[]> documentImages() {
        return pictures.documentImages();
    }

    public void faceImage(String pose, byte[] encoded) {
        pictures.faceImage(pose, encoded);
    }

    /** The face photos in the order taken. */
    public Map<String, byte[]> faceImages() {
        return pictures.faceImages();
    }

    /** The member's mouth on the accepted frontal photo: the reference the second angle is judged against. */
    public void closedMouth(double mouthScore) {
        pictures.closedMouth(mouthScore);
    }

    public Double closedMouth() {
        return pictures.closedMouth();
    }

    public void livenessPassed(boolean passed) {
        pictures.livenessPassed(passed);
    }

    public boolean livenessPassed() {
        return pictures.livenessPassed();
    }

    public void secretQuestion(String question, boolean custom, String answerHash) {
        this.secretQuestion = question;
        this.secretQuestionCustom = custom;
        this.secretAnswerHash = answerHash;
    }

    public String secretQuestion() {
        return secretQuestion;
    }

    public boolean secretQuestionCustom() {
        return secretQuestionCustom;
    }

    public String secretAnswerHash() {
        return secretAnswerHash;
    }

    /** A card or face picture was taken again (counted for the union, without the picture). */
    public void captureRetried() {
        captureRetries++;
    }

    /** How many pictures were taken again in this session. */
    public int captureRetries() {
        return captureRetries;
    }

    public void staffCheckedInPerson(boolean checked) {
        this.staffCheckedInPerson = checked;
    }

    /** Staff checked the member in person against the document: {@code staffId} is who did. */
    public void staffCheckedInPerson(String staffId) {
        this.staffCheckedInPerson = true;
        this.staffId = staffId;
    }

    /** Who of the staff checked the member in person; {@code null} when nobody did. */
    public String staffId() {
        return staffId;
    }

    /**
     * Staff ended medical access authentication for this session: the document, the pictures, the
     * secret question and any in-person check are dropped; the membership and the account stay.
     */
    public void endMedical() {
        medicalChosen = false;
        dropMedical();
    }

    /** The medical part, dropped by the wipe and by {@link #endMedical()}: the pictures overwritten. */
    private void dropMedical() {
        documentType = null;
        backHasEntries = null;
        pictures.wipe();
        secretQuestion = null;
        secretQuestionCustom = false;
        secretAnswerHash = null;
        staffCheckedInPerson = false;
        staffId = null;
    }

    /** Staff asked for the document to be photographed again: its pictures are dropped. */
    public void retakeDocument() {
        pictures.clearDocumentImages();
        backHasEntries = null;
    }

    /** Staff asked for the face photos to be taken again: they are dropped, the liveness check too. */
    public void retakeFaces() {
        pictures.clearFaces();
    }

    /** The roster check refused or could not check the member once more; returns how often it has. */
    public int rosterRefused() {
        rosterRefusals = rosterRefusals == null ? 1 : rosterRefusals + 1;
        return rosterRefusals;
    }

    /**
     * What gets sealed: a copy of everything entered, taken now (on the JavaFX thread, when the
     * member presses submit), which nothing done to this session afterwards changes.
     */
    public RegistrationSnapshot snapshot() {
        return new RegistrationSnapshot(this);
    }

    /** The registration was queued under this receipt number, and this is what the member is told. */
    public void submitted(String receipt, RegistrationOutcome what) {
        this.receiptNumber = receipt;
        this.outcome = what;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    /** What the outcome screen says; {@code null} before the submit. */
    public RegistrationOutcome outcome() {
        return outcome;
    }

    public boolean staffCheckedInPerson() {
        return staffCheckedInPerson;
    }
}
