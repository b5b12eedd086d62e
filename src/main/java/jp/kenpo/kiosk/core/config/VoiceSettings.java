package jp.kenpo.kiosk.core.config;

/**
 * Voice guidance ({@code voice:} in kiosk.yaml; docs/architecture.md §13).
 *
 * @param enabled whether each session starts with voice (the member can turn it off in the header);
 *                {@code false}: the kiosk never speaks and shows no toggle
 * @param volume  from 0 (silent) to 1 (the clips' full level)
 * @param command a speech engine's command template that makes the kiosk speak its prompts with that
 *                engine instead of the clips made at build time: {@code {voice}}, {@code {out}},
 *                {@code {text}}, {@code {textfile}} are filled in; {@code null} uses the built clips
 */
public record VoiceSettings(Boolean enabled, Double volume, String command) {

    public VoiceSettings {
        enabled = enabled == null || enabled;
        volume = volume == null ? 0.8 : volume;
        command = command == null || command.isBlank() ? null : command.strip();
    }

    /** The default: voice on at full-ish volume, with the clips made at build time. */
    public static VoiceSettings defaults() {
        return new VoiceSettings(null, null, null);
    }
}
