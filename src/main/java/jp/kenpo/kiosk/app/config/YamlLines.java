package jp.kenpo.kiosk.app.config;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The line of every key and list item of a YAML document, by dotted path
 * ({@code unions[0].insurerNumber}), so that checks made after binding can still point at a line.
 */
final class YamlLines {

    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    static YamlLines of(String yaml) throws IOException {
        YamlLines result = new YamlLines();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            Deque<Object> path = new ArrayDeque<>(); // String (field) or int[] (index) per level
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        if (!path.isEmpty() && path.peek() instanceof String) {
                            path.pop();
                        }
                        path.push(p.currentName());
                        result.lines.put(render(path), p.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        if (!path.isEmpty() && path.peek() instanceof int[] idx) {
                            idx[0]++;
                            result.lines.put(render(path), p.currentTokenLocation().getLineNr());
                        }
                        if (t == JsonToken.START_ARRAY) {
                            path.push(new int[] {-1});
                        } else {
                            path.push(""); // placeholder until the first field name
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pop();
                    }
                    default -> {
                        if (!path.isEmpty() && path.peek() instanceof int[] idx) {
                            idx[0]++;
                            result.lines.put(render(path), p.currentTokenLocation().getLineNr());
                        }
                    }
                }
            }
        }
        return result;
    }

    private static String render(Deque<Object> path) {
        StringBuilder sb = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object o = it.next();
            if (o instanceof int[] idx) {
                sb.append('[').append(idx[0]).append(']');
            } else if (!((String) o).isEmpty()) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.toString();
    }

    /** The line of the path, or of its nearest enclosing key or item; 1 when nothing matches. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 1;
    }
}
