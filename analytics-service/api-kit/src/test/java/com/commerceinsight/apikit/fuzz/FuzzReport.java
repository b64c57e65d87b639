package com.commerceinsight.apikit.fuzz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzz run saw: requests sent, answers by status class and by operation, and the findings (a 5xx, a 4xx
 * without a problem+json body, a request meant to be rejected that was accepted, no answer at all).
 */
public final class FuzzReport {

    /** One response the fuzzer counts as a defect. */
    public record Finding(String request, int status, String reason, String responseExcerpt) {
    }

    private final String service;
    private final long seed;
    private final Map<String, int[]> byOperation = new TreeMap<>();
    private final int[] byClass = new int[6];
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();
    private int sent;
    private int problemless4xx;

    FuzzReport(String service, long seed) {
        this.service = service;
        this.seed = seed;
    }

    void excluded(String operation, String reason) {
        excluded.add(operation + ": " + reason);
    }

    void record(FuzzRequest request, int status, String reason, String body) {
        sent++;
        int statusClass = status / 100;
        byClass[Math.max(0, Math.min(5, statusClass))]++;
        int[] counts = byOperation.computeIfAbsent(request.operation().key(), key -> new int[6]);
        counts[0]++;
        counts[Math.max(1, Math.min(5, statusClass))]++;
        if (reason != null) {
            if (statusClass == 4) {
                problemless4xx++;
            }
            findings.add(new Finding(request.describe(), status, reason, body == null ? "" : FuzzRequest.cut(body, 300)));
        }
    }

    public int sent() {
        return sent;
    }

    /** Answers of the status class (2 for 2xx ...; 0 for no answer). */
    public int ofClass(int statusClass) {
        return byClass[statusClass];
    }

    public int serverErrors() {
        return byClass[5];
    }

    public int clientErrorsWithoutProblem() {
        return problemless4xx;
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Operations that received requests. */
    public int operationsCovered() {
        return byOperation.size();
    }

    public void print(PrintStream out) {
        out.printf("fuzz %s (seed %d): %d requests over %d operations; 2xx %d, 3xx %d, 4xx %d, 5xx %d, no answer %d; "
                + "4xx without problem+json %d; findings %d%n", service, seed, sent, byOperation.size(), byClass[2], byClass[3],
                byClass[4], byClass[5], byClass[0], problemless4xx, findings.size());
        byOperation.forEach((operation, counts) -> out.printf("  %-70s sent %4d  2xx %4d  4xx %4d  5xx %d%n", operation,
                counts[0], counts[2], counts[4], counts[5]));
        excluded.forEach(reason -> out.println("  not fuzzed: " + reason));
        findings.stream().limit(25).forEach(f -> out.printf("  FINDING %d %s: %s%n      %s%n", f.status(), f.reason(), f.request(),
                f.responseExcerpt()));
    }
}
