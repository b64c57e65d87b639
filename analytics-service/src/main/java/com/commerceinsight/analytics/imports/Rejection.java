package com.commerceinsight.analytics.imports;

/** A record that could not be loaded: where it was and why. Record numbers count data records from 1, header excluded. */
public record Rejection(String file, long recordNumber, String reason) {
}
