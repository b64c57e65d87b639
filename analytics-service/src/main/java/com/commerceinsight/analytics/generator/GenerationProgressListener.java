package com.commerceinsight.analytics.generator;

/** Receives progress while a shop is generated (the CLI prints it, the job API stores it). */
@FunctionalInterface
public interface GenerationProgressListener {

    /** Called after every committed chunk of customers and once at the end. */
    void onProgress(long customersDone, long customersTotal, long ordersWritten);

    GenerationProgressListener NONE = (customersDone, customersTotal, ordersWritten) -> {
    };
}
