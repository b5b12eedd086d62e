package jp.kenpo.kiosk.app.config;

import java.util.List;

/** A configuration that cannot be used; each problem reads {@code file:line: what is wrong}. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
