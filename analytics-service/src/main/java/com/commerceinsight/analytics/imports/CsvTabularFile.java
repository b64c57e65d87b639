package com.commerceinsight.analytics.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV through Apache Commons CSV: quoted fields may hold commas, quotes and line breaks, so records
 * are counted, not lines. A UTF-8 byte-order mark before the header is dropped; {@code .gz} files are inflated.
 */
final class CsvTabularFile implements TabularFile {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final String file;
    private final CSVParser parser;

    private CsvTabularFile(String file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Opens the file and reads its header; a file whose header cannot be read is an {@link UnreadableFileException}. */
    static CsvTabularFile open(Path path) throws IOException {
        String file = path.getFileName().toString();
        InputStream in = Files.newInputStream(path);
        try {
            if (file.toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            // A strict decoder: bytes that are not UTF-8 (a file saved as Latin-1) fail the import instead of loading
            // replacement characters into names and descriptions.
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(in, utf8), 1 << 16));
            return new CsvTabularFile(file, CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            in.close();
            throw new UnreadableFileException(file, 0, "the header cannot be read: " + UnreadableFileException.reasonOf(e));
        }
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    @Override
    public List<String> header() {
        return parser.getHeaderNames();
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private long number;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(number + 1, e);
                }
            }

            @Override
            public SourceRecord next() {
                CSVRecord csv;
                try {
                    csv = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(number + 1, e);
                }
                long recordNumber = ++number;
                return new SourceRecord() {
                    @Override
                    public long number() {
                        return recordNumber;
                    }

                    @Override
                    public String get(String column) {
                        if (!csv.isMapped(column) || !csv.isSet(column)) {
                            return null;
                        }
                        String value = csv.get(column).trim();
                        return value.isEmpty() ? null : value;
                    }
                };
            }
        };
    }

    private UnreadableFileException unreadable(long recordNumber, RuntimeException e) {
        return new UnreadableFileException(file, recordNumber, "line " + parser.getCurrentLineNumber() + ": "
                + UnreadableFileException.reasonOf(e));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
