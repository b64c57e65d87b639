package com.commerceinsight.analytics.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import com.github.pjfanning.xlsx.StreamingReader;
import com.github.pjfanning.xlsx.exceptions.ExcelRuntimeException;

/**
 * The first sheet of an .xlsx workbook, streamed row by row (excel-streaming-reader over POI's XML reader), so a
 * sheet of half a million rows is never held in memory. The first row is the header. Cells read as the CSV reader
 * would give them, so {@link FieldParser} treats both alike: a date-formatted number as {@code yyyy-MM-dd HH:mm:ss},
 * any other number in plain notation without a trailing {@code .0} (a customer id stored as 17850.0 reads 17850),
 * text trimmed, an empty cell null. Wholly empty rows are skipped, as the CSV reader skips empty lines.
 */
final class XlsxTabularFile implements TabularFile {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Workbook workbook;
    private final Iterator<Row> rows;
    private final List<String> header;

    private XlsxTabularFile(Workbook workbook, Iterator<Row> rows, List<String> header) {
        this.workbook = workbook;
        this.rows = rows;
        this.header = header;
    }

    private String file;

    static XlsxTabularFile open(Path path) throws IOException {
        Workbook workbook;
        try {
            workbook = StreamingReader.builder().rowCacheSize(200).bufferSize(1 << 16).open(path.toFile());
        } catch (ExcelRuntimeException e) {
            throw new IOException("not a readable .xlsx workbook: " + path.getFileName(), e);
        }
        try {
            Iterator<Row> rows = workbook.getSheetAt(0).rowIterator();
            List<String> header = new ArrayList<>();
            if (rows.hasNext()) {
                for (String name : values(rows.next(), Integer.MAX_VALUE)) {
                    header.add(name == null ? "" : name);
                }
            }
            XlsxTabularFile opened = new XlsxTabularFile(workbook, rows, List.copyOf(header));
            opened.file = path.getFileName().toString();
            return opened;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    /** The row's cell texts by column index, up to {@code width} columns; null for an empty or absent cell. */
    private static String[] values(Row row, int width) {
        String[] values = new String[Math.max(0, Math.min(width, row.getLastCellNum()))];
        for (Cell cell : row) {
            if (cell.getColumnIndex() < values.length) {
                values[cell.getColumnIndex()] = text(cell);
            }
        }
        return values;
    }

    private static String text(Cell cell) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().format(DATE_TIME)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            // Not a value: the marker makes a numeric or date field reject the record with what was found.
            case ERROR -> "#ERROR";
            default -> null;
        };
        if (text == null) {
            return null;
        }
        text = text.trim();
        return text.isEmpty() ? null : text;
    }

    private static boolean isEmpty(String[] values) {
        for (String value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        return new Iterator<>() {
            private long number;
            private String[] next;

            @Override
            public boolean hasNext() {
                try {
                    while (next == null && rows.hasNext()) {
                        String[] values = values(rows.next(), header.size());
                        if (!isEmpty(values)) {
                            next = values;
                        }
                    }
                } catch (RuntimeException damaged) {
                    // The streaming reader fails mid-sheet on a damaged or truncated workbook.
                    throw new UnreadableFileException(file, number + 1, UnreadableFileException.reasonOf(damaged));
                }
                return next != null;
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String[] values = next;
                next = null;
                long recordNumber = ++number;
                return new SourceRecord() {
                    @Override
                    public long number() {
                        return recordNumber;
                    }

                    @Override
                    public String get(String column) {
                        int index = header.indexOf(column);
                        return index < 0 || index >= values.length ? null : values[index];
                    }
                };
            }
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
