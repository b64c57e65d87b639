package com.commerceinsight.prediction.models;

/** Fired (as a CDI event, after the activating transaction commits) when a version becomes the active one. */
public record ModelActivated(long versionId) {
}
