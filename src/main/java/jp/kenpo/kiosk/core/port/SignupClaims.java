package jp.kenpo.kiosk.core.port;

import jp.kenpo.kiosk.core.resume.Claim;

/** Claims a signup begun in the members' app at the central service ({@code POST /v1/signups/{resumeId}/claim}). */
public interface SignupClaims {

    /** Blocking, within the client's deadline: call it in the background. Never throws for the network. */
    Claim claim(String resumeId);

    /** A kiosk without a central service: every claim is unanswered (the offline path). */
    SignupClaims OFFLINE = rid -> Claim.of(Claim.Outcome.UNREACHABLE);
}
