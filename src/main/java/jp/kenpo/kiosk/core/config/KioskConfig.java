package jp.kenpo.kiosk.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jp.kenpo.kiosk.core.document.DocumentType;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.session.KioskSession;

/**
 * The kiosk's configuration ({@code kiosk-config/kiosk.yaml}), validated at start-up and immutable.
 * Relative paths inside it are resolved against {@link #baseDir()}, the folder of the file.
 */
public record KioskConfig(
        Path baseDir,
        KioskSettings kiosk,
        DisplaySettings display,
        Timeouts timeouts,
        List<UnionConfig> unions,
        List<ConsentDocument> consents,
        StaffSettings staff,
        CameraSettings camera,
        MailSettings mail,
        CentralSettings central,
        RosterSettings roster,
        List<MaskRegion> documentMasks,
        VoiceSettings voice) {

    /** A configuration without a {@code voice:} section: voice on, with the clips made at build time. */
    public KioskConfig(Path baseDir, KioskSettings kiosk, DisplaySettings display, Timeouts timeouts,
                       List<UnionConfig> unions, List<ConsentDocument> consents, StaffSettings staff,
                       CameraSettings camera, MailSettings mail, CentralSettings central, RosterSettings roster,
                       List<MaskRegion> documentMasks) {
        this(baseDir, kiosk, display, timeouts, unions, consents, staff, camera, mail, central, roster, documentMasks,
                null);
    }

    public KioskConfig {
        voice = voice == null ? VoiceSettings.defaults() : voice;
        unions = unions == null ? List.of() : List.copyOf(unions);
        consents = consents == null ? List.of() : List.copyOf(consents);
        documentMasks = documentMasks == null ? List.of() : List.copyOf(documentMasks);
        display = display == null ? new DisplaySettings(null, null) : display;
        timeouts = timeouts == null ? new Timeouts(null, null, null) : timeouts;
    }

    /** A copy that resolves relative paths against {@code dir}. */
    public KioskConfig withBaseDir(Path dir) {
        return new KioskConfig(dir, kiosk, display, timeouts, unions, consents, staff, camera, mail, central, roster,
                documentMasks, voice);
    }

    /** Resolves a path from the configuration against the configuration's folder. */
    public Path resolve(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }

    /**
     * The folder of a {@code virtual:DIR} camera source, resolved against the configuration's folder;
     * {@code null} for a USB camera.
     */
    public Path virtualCameraDir(String source) {
        String folder = CameraSettings.virtualFolder(source);
        return folder == null ? null : resolve(folder);
    }

    public Path dataDir() {
        return resolve(kiosk.dataDir());
    }

    /** The regions blacked out on a stored side of a document. */
    public List<MaskRegion> masks(DocumentType type, KioskSession.Side side) {
        return documentMasks.stream().filter(m -> m.appliesTo(type, side)).toList();
    }

    /** The union served here under this insurer number, if any. */
    public Optional<UnionConfig> union(InsurerNumber number) {
        return unions.stream().filter(u -> u.insurerNumber().equals(number.digits())).findFirst();
    }
}
