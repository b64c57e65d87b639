package com.commerceinsight.analytics.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTabularFileTest {

    @TempDir
    Path dir;

    @Test
    void theFirstSheetReadsAsTheCsvReaderWouldGiveIt() throws Exception {
        Path file = dir.resolve("online_retail_II.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Year 2009-2010");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy h:mm"));
            Row header = sheet.createRow(0);
            String[] names = {"Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(489434);                 // a numeric invoice number
            first.createCell(1).setCellValue("85048");
            first.createCell(2).setCellValue("15CM CHRISTMAS GLASS BALL 20 LIGHTS  ");
            first.createCell(3).setCellValue(12);
            first.createCell(4).setCellValue(LocalDateTime.of(2009, 12, 1, 7, 45));
            first.getCell(4).setCellStyle(dateStyle);
            first.createCell(5).setCellValue(6.95);
            first.createCell(6).setCellValue(13085.0);                // a customer id stored as a float
            first.createCell(7).setCellValue("United Kingdom");
            sheet.createRow(2);                                       // an empty row
            Row second = sheet.createRow(3);
            second.createCell(0).setCellValue("C489449");
            second.createCell(1).setCellValue(22087);
            second.createCell(3).setCellValue(-12);                   // no Description cell at all
            second.createCell(4).setCellValue(LocalDateTime.of(2009, 12, 1, 10, 33, 20));
            second.getCell(4).setCellStyle(dateStyle);
            second.createCell(5).setCellValue(0.125);
            second.createCell(6).setCellValue("");                    // an empty text cell
            second.createCell(7).setCellValue("Australia");
            workbook.createSheet("Year 2010-2011").createRow(0).createCell(0).setCellValue("not read");
            workbook.write(out);
        }

        List<List<String>> records = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (TabularFile table = TabularFile.open(file)) {
            assertThat(table.header()).containsExactly("Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country");
            for (SourceRecord record : table) {
                numbers.add(record.number());
                records.add(table.header().stream().map(record::get).toList());
            }
        }

        assertThat(numbers).containsExactly(1L, 2L);
        assertThat(records.get(0)).containsExactly("489434", "85048", "15CM CHRISTMAS GLASS BALL 20 LIGHTS", "12",
                "2009-12-01 07:45:00", "6.95", "13085", "United Kingdom");
        assertThat(records.get(1)).containsExactly("C489449", "22087", null, "-12", "2009-12-01 10:33:20", "0.125", null, "Australia");
    }
}
