package com.commerceinsight.analytics.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
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

    private final CSVParser parser;

    private CsvTabularFile(CSVParser parser) {
        this.parser = parser;
    }

    static CsvTabularFile open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        return new CsvTabularFile(CSVParser.builder().setReader(reader).setFormat(FORMAT).get());
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
                return records.hasNext();
            }

            @Override
            public SourceRecord next() {
                CSVRecord csv = records.next();
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

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
