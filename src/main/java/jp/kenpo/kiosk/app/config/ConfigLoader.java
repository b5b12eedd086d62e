package jp.kenpo.kiosk.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jp.kenpo.kiosk.core.config.KioskConfig;

/**
 * Reads {@code kiosk.yaml} into a {@link KioskConfig}: unknown keys, wrong types, broken YAML and
 * failed checks all end in a {@link ConfigException} whose lines read {@code file:line: what is wrong}.
 *
 * <p>Any text value may name an environment variable, {@code ${NAME}} or {@code ${NAME:-default}},
 * so secrets stay out of the file.
 *
 * <p>A little over 300 lines on purpose: most of it turns Jackson's failures into the
 * {@code file:line: what is wrong} lines, and those helpers belong beside the reading they describe.
 */
public final class ConfigLoader {

    /** The configuration file read when none is named. */
    public static final String DEFAULT_FILE = "kiosk-config/kiosk.yaml";

    private static final Pattern ENV = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** The offending text in Jackson's coercion messages: {@code String value ("ninety")}. */
    private static final Pattern BAD_VALUE = Pattern.compile("value \\(\"(.*?)\"\\)");

    /** A kiosk configuration is a few kilobytes; anything near this is not one. */
    static final int MAX_BYTES = 256 * 1024;

    /** The longest line read; the longest real one (a PIN hash with its variable) is about 130. */
    static final int MAX_LINE = 1000;

    private final Function<String, String> environment;

    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader withSystemEnvironment() {
        Map<String, String> env = System.getenv();
        return new ConfigLoader(env::get);
    }

    public KioskConfig load(Path file) throws ConfigException {
        String name = file.toString();
        String yaml;
        try (InputStream in = Files.newInputStream(file)) {
            // never more than the cap is read, however large the file (or a device) is
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(name);
            }
            yaml = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(name + ":1: the file does not exist"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(List.of(name + ":1: the file is not UTF-8 text: save it as UTF-8"));
        } catch (IOException e) {
            throw new ConfigException(List.of(name + ":1: the file cannot be read (" + e.getMessage() + ")"));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(yaml, name, dir);
    }

    /** Parses YAML text; {@code name} is used in messages and {@code dir} to resolve relative paths. */
    public KioskConfig parse(String yaml, String name, Path dir) throws ConfigException {
        if (yaml.isBlank()) {
            throw new ConfigException(List.of(name + ":1: the file is empty"));
        }
        checkSize(yaml, name);
        YamlLines lines;
        try {
            lines = YamlLines.of(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(name + ":" + line(e) + ": " + describe(e)));
        } catch (IOException e) {
            throw new ConfigException(List.of(name + ":1: " + e.getMessage()));
        }
        KioskConfig config;
        try {
            config = mapper().readValue(yaml, KioskConfig.class);
        } catch (JsonMappingException e) {
            // The parser's position may already be past the key; the key's own line is exact.
            int line = e.getPath().isEmpty() ? line(e) : lines.lineOf(path(e.getPath()));
            throw new ConfigException(List.of(name + ":" + line + ": " + describe(e)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(name + ":" + line(e) + ": " + describe(e)));
        }
        if (config == null) {
            throw new ConfigException(List.of(name + ":1: the file holds no settings"));
        }
        config = config.withBaseDir(dir);
        List<ConfigProblem> problems = new java.util.ArrayList<>(new ConfigValidator(config).problems());
        problems.addAll(ResumeKeyChecks.problems(config));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream()
                    .map(p -> name + ":" + lines.lineOf(p.path()) + ": " + p.message())
                    .collect(Collectors.toList()));
        }
        return config;
    }

    /**
     * Refuses text no configuration has, before the YAML parser spends minutes and memory on it:
     * more than {@link #MAX_BYTES}, or a line longer than {@link #MAX_LINE} characters.
     */
    private static void checkSize(String yaml, String name) throws ConfigException {
        if (yaml.length() > MAX_BYTES) {
            throw tooLarge(name);
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            if (i == yaml.length() || yaml.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new ConfigException(List.of(name + ":" + line + ": the line is " + (i - start)
                            + " characters long; a line of a kiosk configuration has at most " + MAX_LINE
                            + " (was something pasted here by mistake?)"));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static ConfigException tooLarge(String name) {
        return new ConfigException(List.of(name + ":1: the file is larger than " + MAX_BYTES / 1024
                + " KB, which no kiosk configuration is: check that --config names the right file"));
    }

    private ObjectMapper mapper() {
        SimpleModule env = new SimpleModule("environment");
        env.addDeserializer(String.class, new EnvStringDeserializer());
        return JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(env)
                .addMixIn(KioskConfig.class, KioskConfigMixin.class)
                .addMixIn(jp.kenpo.kiosk.core.config.LocalizedText.class, LocalizedTextMixin.class)
                .build();
    }

    /** Reads text scalars verbatim (so 01130012 keeps its zero) and fills in environment variables. */
    private final class EnvStringDeserializer extends StdScalarDeserializer<String> {
        EnvStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT
                    && t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String raw = p.getText();
            Matcher m = ENV.matcher(raw);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = environment.apply(m.group(1));
                if (value == null) {
                    value = m.group(2);
                }
                if (value == null) {
                    throw JsonMappingException.from(p,
                            "the environment variable " + m.group(1) + " is not set (write ${" + m.group(1)
                                    + ":-default} to give a default)");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? 1 : e.getLocation().getLineNr();
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String where = path(u.getPath().subList(0, u.getPath().size() - 1));
            return "unknown key '" + u.getPropertyName() + "'" + (where.isEmpty() ? "" : " in " + where)
                    + known(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f) {
            return "'" + path(f.getPath()) + "' cannot be " + quoted(f.getValue()) + ": " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            String where = path(m.getPath());
            if (m.getOriginalMessage() != null && m.getOriginalMessage().startsWith("the environment variable")) {
                return "'" + where + "': " + m.getOriginalMessage();
            }
            Matcher value = BAD_VALUE.matcher(String.valueOf(m.getOriginalMessage()));
            String subject = where.isEmpty() ? "the file" : "'" + where + "'";
            return value.find() ? subject + " cannot be \"" + value.group(1) + "\": " + expected(m.getTargetType())
                    : subject + " has the wrong form: " + expected(m.getTargetType());
        }
        if (e instanceof JsonMappingException m) {
            return "'" + path(m.getPath()) + "': " + firstLine(m.getOriginalMessage());
        }
        return "this is not valid YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        return " (known keys: " + ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "see the comments in the demo configuration";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "expected a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a text";
        }
        if (type.isEnum()) {
            return "expected one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "expected a list";
        }
        return "expected a section with keys";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** One failed check: where (dotted path) and what. */
    record ConfigProblem(String path, String message) {
    }
}
