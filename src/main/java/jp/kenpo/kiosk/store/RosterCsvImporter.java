package jp.kenpo.kiosk.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jp.kenpo.kiosk.core.config.KioskConfig;
import jp.kenpo.kiosk.core.config.UnionConfig;
import jp.kenpo.kiosk.core.member.CardPattern;
import jp.kenpo.kiosk.core.member.InsuranceCard;
import jp.kenpo.kiosk.core.member.InsurerNumber;
import jp.kenpo.kiosk.core.member.KanaName;
import jp.kenpo.kiosk.core.member.MemberType;
import jp.kenpo.kiosk.core.roster.RosterEntry;
import jp.kenpo.kiosk.core.roster.RosterKeys;

/**
 * {@code roster import FILE.csv}: reads a union's roster export and stores only its keyed hashes.
 * Each row goes through the same normalization as what a member types, so they meet. All or
 * nothing: one bad row and nothing is imported; the report names every bad line.
 *
 * <p>The file is UTF-8 (with or without a byte-order mark) or Shift_JIS as Windows writes it (CP932,
 * what Japanese payroll systems export); which one is seen from its first 64 KB unless the caller
 * names it. Columns (header row first): {@code insurerNumber, symbol, number, branch, kanaName,
 * birthDate (yyyy-MM-dd), memberType (insured|dependent|voluntary_continuation, optional),
 * status (active|already_verified|removed, optional, default active)}.
 *
 * <p>The report names lines and columns, never what a cell holds: it is printed and logged, and a
 * roster's cells are members' data (a file without its header row even has them in the header).
 */
public final class RosterCsvImporter {

    public static final List<String> REQUIRED = List.of("insurerNumber", "symbol", "number", "branch", "kanaName",
            "birthDate");
    public static final Set<String> OPTIONAL = Set.of("memberType", "status");
    private static final int MAX_PROBLEMS = 50;
    /** A header cell that looks like a column name, and so may be repeated in a problem. */
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,39}");

    public record Report(long imported, long rows, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Where the imported entries go: nothing counts until {@link #commit()}; close without it discards. */
    public interface Sink extends AutoCloseable {
        void add(RosterEntry entry) throws SQLException;

        void commit() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** Opens a fresh sink for one import. */
    @FunctionalInterface
    public interface SinkFactory {
        Sink open() throws SQLException;
    }

    private final KioskConfig config;
    private final SinkFactory sinks;
    private final RosterKeys keys;

    /** Imports into the kiosk's roster cache, in one transaction. */
    public RosterCsvImporter(KioskConfig config, SqliteRosterRepository repository) {
        this(config, () -> {
            SqliteRosterRepository.Batch batch = repository.batch();
            return new Sink() {
                @Override
                public void add(RosterEntry entry) throws SQLException {
                    batch.add(entry);
                }

                @Override
                public void commit() throws SQLException {
                    batch.commit();
                }

                @Override
                public void close() throws SQLException {
                    batch.close();
                }
            };
        });
    }

    /** Imports into another sink (the reference central server's roster, for one). */
    public RosterCsvImporter(KioskConfig config, SinkFactory sinks) {
        this.config = config;
        this.sinks = sinks;
        this.keys = new RosterKeys(config.roster().keyBytes());
    }

    /** Imports a file whose encoding is seen from its first bytes ({@link RosterFileEncoding#detect}). */
    public Report importFile(Path csv) throws IOException, SQLException {
        return importFile(csv, null);
    }

    /**
     * Imports a file in {@code encoding}, or in the encoding seen from its first bytes when null. Text
     * that is not valid in that encoding is reported as a problem, and nothing is imported.
     */
    public Report importFile(Path csv, Charset encoding) throws IOException, SQLException {
        Charset charset = encoding != null ? encoding : RosterFileEncoding.detect(csv);
        try {
            return read(csv, charset);
        } catch (CharacterCodingException e) {
            return notText(csv, charset);
        } catch (RuntimeException | IOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return notText(csv, charset);
            }
            throw e;
        }
    }

    private static Report notText(Path csv, Charset charset) {
        return new Report(0, 0, List.of(csv.getFileName() + ": the file is not " + charset.displayName(Locale.ROOT)
                + " text; save it as UTF-8 or Shift_JIS (CP932), or name its encoding with --encoding"));
    }

    private Report read(Path csv, Charset charset) throws IOException, SQLException {
        String name = csv.getFileName().toString();
        List<String> problems = new ArrayList<>();
        long rows = 0;
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(csv), decoder), 1 << 16);
             MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema).readValues(reader);
             Sink batch = sinks.open()) {
            CsvSchema actual = (CsvSchema) it.getParserSchema();
            List<String> header = new ArrayList<>();
            actual.forEach(col -> header.add(stripBom(col.getName())));
            for (String col : REQUIRED) {
                if (!header.contains(col)) {
                    problems.add(name + ":1: the column '" + col + "' is missing (needed: " + String.join(", ", REQUIRED) + ")");
                }
            }
            for (int i = 0; i < header.size(); i++) {
                String col = header.get(i);
                if (!REQUIRED.contains(col) && !OPTIONAL.contains(col)) {
                    problems.add(name + ":1: " + (COLUMN_NAME.matcher(col).matches() ? "unknown column '" + col + "'"
                            : "column " + (i + 1) + " is not a known column name (is the header row missing?)"));
                }
            }
            if (!problems.isEmpty()) {
                return new Report(0, 0, problems);
            }
            String firstColumn = actual.column(0).getName();
            while (true) {
                Map<String, String> row;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    row = it.nextValue();
                } catch (JsonProcessingException e) {
                    // Jackson's message quotes the cell: only the line is named.
                    long line = e.getLocation() == null ? rows + 2 : e.getLocation().getLineNr();
                    problems.add(name + ":" + line + ": the line cannot be read as CSV (more cells than the header"
                            + " has columns, or a quotation mark that is not closed)");
                    return new Report(0, rows, problems);
                }
                rows++;
                if (!firstColumn.equals(header.get(0))) {
                    row.put(header.get(0), row.remove(firstColumn));
                }
                String problem = add(row, batch);
                if (problem != null && problems.size() < MAX_PROBLEMS) {
                    problems.add(name + ":" + (rows + 1) + ": " + problem);
                } else if (problem != null && problems.size() == MAX_PROBLEMS) {
                    problems.add(name + ": further problems not listed");
                }
            }
            if (!problems.isEmpty()) {
                return new Report(0, rows, problems); // the batch rolls back on close
            }
            batch.commit();
            return new Report(rows, rows, List.of());
        }
    }

    /** Adds one row; returns what is wrong with it, or null. */
    private String add(Map<String, String> row, Sink batch) throws SQLException {
        InsurerNumber.Result insurer = InsurerNumber.parse(row.get("insurerNumber"));
        if (!insurer.ok()) {
            return "insurerNumber is not a valid insurer number (" + insurer.messageKey() + ")";
        }
        Optional<UnionConfig> union = config.union(insurer.value());
        if (union.isEmpty()) {
            return "the insurer number " + insurer.value() + " is not a union of this kiosk";
        }
        UnionConfig u = union.get();
        String symbol = nullToEmpty(row.get("symbol"));
        String front = "";
        String back = symbol;
        if (u.cardPattern() == CardPattern.SYMBOL_SPLIT_AND_NUMBER) {
            int dash = symbol.lastIndexOf('-');
            if (dash >= 0) {
                front = symbol.substring(0, dash);
                back = symbol.substring(dash + 1);
            }
        }
        InsuranceCard.Result card = InsuranceCard.parse(u.cardPattern(), u.normalization(),
                new InsuranceCard.Input(symbol, front, back, row.get("number"), row.get("branch")));
        if (!card.ok()) {
            return "the card is not valid for this union (" + card.messageKey() + ")";
        }
        KanaName.Result kana = KanaName.parse(row.get("kanaName"));
        if (!kana.ok()) {
            return "kanaName is not full-width katakana (" + kana.messageKey() + ")";
        }
        LocalDate birth;
        try {
            birth = LocalDate.parse(nullToEmpty(row.get("birthDate")).strip());
        } catch (DateTimeParseException e) {
            return "birthDate must be yyyy-MM-dd";
        }
        MemberType type = null;
        String typeCode = nullToEmpty(row.get("memberType")).strip();
        if (!typeCode.isEmpty()) {
            type = memberType(typeCode);
            if (type == null) {
                return "memberType must be insured, dependent or voluntary_continuation";
            }
        }
        RosterEntry.Status status;
        try {
            String s = nullToEmpty(row.get("status")).strip();
            status = s.isEmpty() ? RosterEntry.Status.ACTIVE : RosterEntry.Status.fromCode(s);
        } catch (IllegalArgumentException e) {
            return "status must be active, already_verified or removed";
        }
        batch.add(new RosterEntry(insurer.value().digits(), keys.cardKey(insurer.value(), card.card()),
                keys.matchKey(insurer.value(), card.card(), kana.value(), birth), type, status));
        return null;
    }

    private static MemberType memberType(String code) {
        for (MemberType t : MemberType.values()) {
            if (t.code().equals(code)) {
                return t;
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
