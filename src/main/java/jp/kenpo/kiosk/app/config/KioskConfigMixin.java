package jp.kenpo.kiosk.app.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Keeps {@code baseDir} — set by the loader from the file's location — out of the YAML keys. */
@JsonIgnoreProperties(value = "baseDir", allowGetters = false)
abstract class KioskConfigMixin {
}
