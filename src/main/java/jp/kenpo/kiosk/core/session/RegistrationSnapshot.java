package jp.kenpo.kiosk.core.session;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.MemberType;

/**
 * What gets sealed: a copy of a finished session, taken on the JavaFX thread the moment the member
 * presses 「この内容で認証する」. It holds its own copies of the password and the pictures, so nothing
 * the session does afterwards — a wipe, a change of screen — reaches it while it is sealed in the
 * background. Whoever sealed it calls {@link #forget()}, which overwrites those copies.
 */
public final class RegistrationSnapshot {

    private final String resumeId;
    private final List<String> consents;
    private final InsurerNumber insurerNumber;
    private final MemberType memberType;
    private final String cardSymbol;
    private final String cardNumber;
    private final String cardBranch;
    private final String kanaName;
    private final LocalDate birthDate;
    private final String email;
    private final char[] password;
    private final String invitationCode;
    private final boolean emailVerified;
    private final DocumentType documentType;
    private final Map<KioskSession.Side, byte[]> documentImages;
    private final Map<String, byte[]> faceImages;
    private final boolean livenessPassed;
    private final String secretQuestion;
    private final boolean secretQuestionCustom;
    private final String secretAnswerHash;
    private final boolean staffCheckedInPerson;
    private final String staffId;

    /** Copies what {@code s} holds now; {@link KioskSession#snapshot()} is the way to take one. */
    RegistrationSnapshot(KioskSession s) {
        if (s.isWiped()) {
            throw new IllegalStateException("a wiped session has nothing to register");
        }
        resumeId = s.resumeId();
        consents = s.consents();
        insurerNumber = s.insurerNumber();
        memberType = s.memberType();
        cardSymbol = s.cardSymbol();
        cardNumber = s.cardNumber();
        cardBranch = s.cardBranch();
        kanaName = s.kanaName();
        birthDate = s.birthDate();
        email = s.email();
        password = s.password();
        invitationCode = s.invitationCode();
        emailVerified = s.emailVerified();
        documentType = s.documentType();
        Map<KioskSession.Side, byte[]> docs = new EnumMap<>(KioskSession.Side.class);
        s.documentImages().forEach((side, bytes) -> docs.put(side, bytes.clone()));
        documentImages = Collections.unmodifiableMap(docs);
        Map<String, byte[]> faces = new LinkedHashMap<>();
        s.faceImages().forEach((pose, bytes) -> faces.put(pose, bytes.clone()));
        faceImages = Collections.unmodifiableMap(faces);
        livenessPassed = s.livenessPassed();
        secretQuestion = s.secretQuestion();
        secretQuestionCustom = s.secretQuestionCustom();
        secretAnswerHash = s.secretAnswerHash();
        staffCheckedInPerson = s.staffCheckedInPerson();
        staffId = s.staffId();
    }

    /** Overwrites the snapshot's password and pictures: call it once the registration is sealed. */
    public void forget() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
        documentImages.values().forEach(b -> Arrays.fill(b, (byte) 0));
        faceImages.values().forEach(b -> Arrays.fill(b, (byte) 0));
    }

    public String resumeId() {
        return resumeId;
    }

    public List<String> consents() {
        return consents;
    }

    public InsurerNumber insurerNumber() {
        return insurerNumber;
    }

    public MemberType memberType() {
        return memberType;
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

    public String kanaName() {
        return kanaName;
    }

    public LocalDate birthDate() {
        return birthDate;
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

    public boolean emailVerified() {
        return emailVerified;
    }

    public DocumentType documentType() {
        return documentType;
    }

    /** The document sides in the order of {@link KioskSession.Side}: the snapshot's own arrays, for reading. */
    public Map<KioskSession.Side, byte[]> documentImages() {
        return documentImages;
    }

    /** The face photos in the order taken: the snapshot's own arrays, for reading. */
    public Map<String, byte[]> faceImages() {
        return faceImages;
    }

    public boolean livenessPassed() {
        return livenessPassed;
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

    public boolean staffCheckedInPerson() {
        return staffCheckedInPerson;
    }

    /** Who of the staff checked the member in person; {@code null} when nobody did. */
    public String staffId() {
        return staffId;
    }
}
