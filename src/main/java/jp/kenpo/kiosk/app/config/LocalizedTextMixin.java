package jp.kenpo.kiosk.app.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A text's languages are keyed in the configuration by the tags of {@code kiosk.languages} ({@code zh-CN}). */
abstract class LocalizedTextMixin {

    @JsonCreator
    LocalizedTextMixin(@JsonProperty("ja") String ja, @JsonProperty("en") String en, @JsonProperty("zh-CN") String zh,
                       @JsonProperty("ko") String ko, @JsonProperty("vi") String vi, @JsonProperty("pt-BR") String pt) {
    }
}
