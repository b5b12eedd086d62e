package jp.kenpo.kiosk.core.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Supplier;

import jp.kenpo.kiosk.core.account.OneTimeCode;
import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.flow.EntryPoint;
import jp.kenpo.kiosk.core.flow.JourneyFacts;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.MemberType;

/**
 * Everything one member entered at the kiosk, held in memory only until submit. {@link #wipe()}
 * leaves nothing of it behind: secrets and images are overwritten, references dropped.
 */
public final class KioskSession {

    /** The side of an identity document. */
    public enum Side { FRONT, BACK }

    private SessionId id;
    private Instant startedAt;
    private EntryPoint entry = EntryPoint.NEW;
    private String resumeId;

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

    private String email;
    private char[] password;
    private String invitationCode;
    private boolean emailVerified;
    private OneTimeCode oneTimeCode;
    private String codeSentTo;

    private Boolean medicalChosen;
    private DocumentType documentType;
    private Boolean backHasEntries;
    private final Map<Side, byte[]> documentImages = new EnumMap<>(Side.class);
    private final Map<String, byte[]> faceImages = new LinkedHashMap<>();
    private Double closedMouth;
    private boolean livenessPassed;
    private String secretQuestion;
    private boolean secretQuestionCustom;
    private String secretAnswerHash;
    private boolean staffCheckedInPerson;
    private String receiptNumber;
    private RegistrationOutcome outcome;

    private boolean wiped;

    public KioskSession(SessionId id, Instant startedAt) {
        this.id = id;
        this.startedAt = startedAt;
    }

    /** The facts the flow decides the next step from. */
    public JourneyFacts facts() {
        return new JourneyFacts(entry, medicalOffered, medicalChosen, documentType, backHasEntries, pointsTerms);
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
        email = null;
        clear(password);
        password = null;
        invitationCode = null;
        emailVerified = false;
        if (oneTimeCode != null) {
            oneTimeCode.forget();
        }
        oneTimeCode = null;
        codeSentTo = null;
        medicalChosen = null;
        documentType = null;
        backHasEntries = null;
        documentImages.values().forEach(KioskSession::clear);
        documentImages.clear();
        faceImages.values().forEach(KioskSession::clear);
        faceImages.clear();
        closedMouth = null;
        livenessPassed = false;
        secretQuestion = null;
        secretQuestionCustom = false;
        secretAnswerHash = null;
        staffCheckedInPerson = false;
        receiptNumber = null;
        outcome = null;
        wiped = true;
    }

    private static void clear(char[] a) {
        if (a != null) {
            Arrays.fill(a, '\0');
        }
    }

    private static void clear(byte[] a) {
        if (a != null) {
            Arrays.fill(a, (byte) 0);
        }
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
        this.email = email;
        clear(this.password);
        this.password = password == null ? null : password.clone();
        this.invitationCode = invitationCode;
    }

    public String email() {
        return email;
    }

    /** A copy of the password; the caller clears it after use. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    public String invitationCode() {
        return invitationCode;
    }

    public void emailVerified(boolean verified) {
        this.emailVerified = verified;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    /** This session's one-time code, made on first use; it lives and dies with the session. */
    public OneTimeCode oneTimeCode(Supplier<OneTimeCode> maker) {
        if (oneTimeCode == null) {
            oneTimeCode = maker.get();
        }
        return oneTimeCode;
    }

    /** The address the current code was mailed to, if one was. */
    public String codeSentTo() {
        return codeSentTo;
    }

    public void codeSentTo(String address) {
        this.codeSentTo = address;
    }

    public void medicalChosen(boolean chosen) {
        this.medicalChosen = chosen;
    }

    public void document(DocumentType type) {
        if (type != documentType) {
            documentImages.values().forEach(KioskSession::clear);
            documentImages.clear();
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
        clear(documentImages.put(side, encoded));
    }

    public Map<Side, byte[]> documentImages() {
        return Map.copyOf(documentImages);
    }

    public void faceImage(String pose, byte[] encoded) {
        clear(faceImages.put(pose, encoded));
    }

    /** The face photos in the order taken. */
    public Map<String, byte[]> faceImages() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(faceImages));
    }

    /** The member's mouth on the accepted frontal photo: the reference the second angle is judged against. */
    public void closedMouth(double mouthScore) {
        this.closedMouth = mouthScore;
    }

    public Double closedMouth() {
        return closedMouth;
    }

    public void livenessPassed(boolean passed) {
        this.livenessPassed = passed;
    }

    public boolean livenessPassed() {
        return livenessPassed;
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

    public void staffCheckedInPerson(boolean checked) {
        this.staffCheckedInPerson = checked;
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
