package jp.kenpo.kiosk.central;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /v1/roster?cursor=&limit=}: the roster changes after a cursor, oldest first, at most
 * {@code limit} (1 to 10000, 1000 unless told). The cursor is opaque to the kiosk: here the
 * base64url of {@code roster:<seq>}.
 */
final class RosterFeed implements Endpoint {

    private static final String PREFIX = "roster:";

    private final RosterStore store;

    RosterFeed(RosterStore store) {
        this.store = store;
    }

    @Override
    public int answer(Request r) throws Exception {
        HttpExchange ex = r.exchange();
        Map<String, String> q = Http.query(ex.getRequestURI().getRawQuery());
        int limit = 1000;
        if (q.containsKey("limit")) {
            try {
                limit = Integer.parseInt(q.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 10_000) {
                return Http.send(ex, 400, Answers.problem("invalid", "limit is 1 to 10000", List.of("limit")));
            }
        }
        long after = 0;
        String cursor = q.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            Long seq = decodeCursor(cursor);
            if (seq == null) {
                return Http.send(ex, 400, Answers.problem("invalid", "unknown cursor", List.of("cursor")));
            }
            after = seq;
        }
        List<RosterStore.RosterChange> page = store.rosterAfter(after, limit);
        boolean more = page.size() > limit;
        if (more) {
            page = page.subList(0, limit);
        }
        long last = page.isEmpty() ? after : page.get(page.size() - 1).seq();
        List<Map<String, Object>> entries = new ArrayList<>(page.size());
        for (RosterStore.RosterChange c : page) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("insurerNumber", c.insurerNumber());
            e.put("cardKey", c.cardKey());
            e.put("matchKey", c.matchKey());
            if (c.memberType() != null) {
                e.put("memberType", c.memberType());
            }
            e.put("status", c.status());
            entries.add(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entries", entries);
        answer.put("nextCursor", encodeCursor(last));
        answer.put("more", more);
        return Http.send(ex, 200, Answers.write(answer));
    }

    static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** The seq of a cursor this server gave, or null for any other text. */
    static Long decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!s.startsWith(PREFIX)) {
                return null;
            }
            long seq = Long.parseLong(s.substring(PREFIX.length()));
            return seq < 0 ? null : seq;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
