package jp.kenpo.kiosk.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.sync.CentralClient.RosterPage;
import jp.kenpo.kiosk.sync.CentralClient.RosterRefused;

/**
 * A page of {@code GET /v1/roster} checked against the contract, entry by entry: taken whole or not at
 * all; a refusal names the entry's place and field, never its values. Pure: no network.
 */
final class RosterPages {

    /** The most bytes a roster page may spend on one entry (keys, insurer number, type, status, JSON). */
    static final int ROW_BYTES = 512;
    /** A roster key: base64url without padding (an HMAC-SHA256 is 43 characters). */
    private static final Pattern ROSTER_KEY = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern INSURER_NUMBER = Pattern.compile("[0-9]{6}|[0-9]{8}");

    private RosterPages() {
    }

    /** The most bytes read of a roster page of {@code limit} entries. */
    static long maxBytes(int limit) {
        return 4096L + (long) limit * ROW_BYTES;
    }

    /** A roster page checked against the contract, entry by entry. */
    static RosterPage read(byte[] body, int limit) throws IOException {
        JsonNode page = DeliveryAnswers.read(body);
        if (page == null || !page.path("entries").isArray() || !page.path("nextCursor").isTextual()
                || !page.path("more").isBoolean()) {
            throw new RosterRefused("it is not a roster page");
        }
        String next = page.get("nextCursor").asText();
        if (next.isBlank() || next.length() > 1024) {
            throw new RosterRefused("nextCursor is empty or too long");
        }
        JsonNode rows = page.get("entries");
        if (rows.size() > limit) {
            throw new RosterRefused("more than " + limit + " entries");
        }
        List<RosterEntry> entries = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String bad = invalidField(rows.get(i));
            if (bad != null) {
                throw new RosterRefused("entry " + (i + 1) + " has an invalid " + bad);
            }
            JsonNode e = rows.get(i);
            JsonNode type = e.get("memberType");
            entries.add(new RosterEntry(e.get("insurerNumber").asText(), e.get("cardKey").asText(),
                    e.get("matchKey").asText(), type == null || type.isNull() ? null : MemberType.fromCode(type.asText()),
                    status(e.get("status").asText())));
        }
        return new RosterPage(entries, next, page.get("more").asBoolean());
    }

    /** The first field of a roster entry that breaks the contract, or null when it keeps it. */
    private static String invalidField(JsonNode e) {
        if (e == null || !e.isObject()) {
            return "entry";
        }
        if (!e.path("insurerNumber").isTextual() || !INSURER_NUMBER.matcher(e.get("insurerNumber").asText()).matches()) {
            return "insurerNumber";
        }
        for (String key : List.of("cardKey", "matchKey")) {
            if (!e.path(key).isTextual() || !ROSTER_KEY.matcher(e.get(key).asText()).matches()) {
                return key;
            }
        }
        JsonNode type = e.get("memberType");
        if (type != null && !type.isNull() && (!type.isTextual() || MemberType.fromCode(type.asText()) == null)) {
            return "memberType";
        }
        if (!e.path("status").isTextual() || status(e.get("status").asText()) == null) {
            return "status";
        }
        return null;
    }

    private static RosterEntry.Status status(String code) {
        for (RosterEntry.Status s : RosterEntry.Status.values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
