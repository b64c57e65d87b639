package com.commerceinsight.deploy.e2e;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM's live heap as {@code jcmd GC.class_histogram} reports it: that command runs a full collection first, so its
 * total is what the process really holds, unlike the heap in use sampled between collections, which climbs with the
 * garbage an old generation keeps until its next mixed or full collection. The soak compares two of them to say which
 * classes grew.
 */
record LiveHeap(long totalBytes, Map<String, Long> bytesByClass) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)", Pattern.MULTILINE);

    /** Parses a histogram; an empty one (the process gone, the command refused) has a total of -1. */
    static LiveHeap parse(String histogram) {
        Matcher total = TOTAL.matcher(histogram);
        if (!total.find()) {
            return new LiveHeap(-1, Map.of());
        }
        Map<String, Long> byClass = new HashMap<>();
        Matcher row = ROW.matcher(histogram);
        while (row.find()) {
            byClass.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
        }
        return new LiveHeap(Long.parseLong(total.group(1)), byClass);
    }

    /** The {@code top} classes that grew most from {@code earlier} to this one, as "class +N KB". */
    List<String> growthSince(LiveHeap earlier, int top) {
        return bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(top)
                .map(e -> e.getKey() + " +" + e.getValue() / 1024 + " KB")
                .toList();
    }
}
