package com.commerceinsight.consolebrowser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Element;

/**
 * What a rendered console page shows, read from its main element ({@code #page}) by the markers the console writes:
 * {@code data-section} on each section, {@code data-kpi} on each key figure, {@code data-chart} and
 * {@code data-drawn} on each chart. The tests compare these with what the APIs answer.
 */
public final class ConsolePage {

    private ConsolePage() {
    }

    /** The marks (SVG paths) ECharts drew for the chart; 0 when it was not drawn. */
    public static int drawnMarks(Element main, String chart) {
        Element drawn = main.selectFirst("[data-chart=" + chart + "][data-drawn=true] svg");
        return drawn == null ? 0 : drawn.select("path").size();
    }

    /** The text of a key figure, or null when the page shows no such figure. */
    public static String kpi(Element main, String key) {
        Element value = main.selectFirst("[data-kpi=" + key + "] dd");
        return value == null ? null : value.text();
    }

    /** The rows of the section's last table, each as its cells' text, the row header first; empty without a table. */
    public static List<List<String>> rows(Element main, String section) {
        Element table = main.select("[data-section=" + section + "] table").last();
        List<List<String>> rows = new ArrayList<>();
        if (table != null) {
            for (Element row : table.select("tbody tr")) {
                rows.add(row.select("th, td").eachText());
            }
        }
        return rows;
    }

    /** A figure as shown, read back as a number ("1,234.50" → 1234.50, "33.3%" → 33.3). */
    public static BigDecimal number(String shown) {
        return new BigDecimal(shown.replace(",", "").replace("%", "").trim());
    }
}
