package com.commerceinsight.recommender.problem;

/** No model version is active yet (none trained, or none activated): answered with 503 until one is. */
public class NoActiveModelException extends RuntimeException {

    public NoActiveModelException() {
        super("no recommender model is active yet: train one (POST /api/recommendations/training-jobs) and activate it");
    }
}
