package com.commerceinsight.prediction.training;

import java.util.HashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/** Trains and applies XGBoost boosters on scaled rows; every DMatrix made here is disposed here (native memory). */
public final class XgbModels {

    private XgbModels() {
    }

    public static Booster train(float[] flatRows, int rows, int columns, int[] labels, Map<String, Object> params, int rounds) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(flatRows, rows, columns, Float.NaN);
            float[] y = new float[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i];
            }
            matrix.setLabel(y);
            return XGBoost.train(matrix, params, rounds, new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** Probabilities of the positive class, one per row. */
    public static double[] predict(Booster booster, float[] flatRows, int rows, int columns) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(flatRows, rows, columns, Float.NaN);
            float[][] out = booster.predict(matrix);
            double[] p = new double[rows];
            for (int i = 0; i < rows; i++) {
                p[i] = out[i][0];
            }
            return p;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** Per row, each column's contribution to the log-odds, then the bias term last (XGBoost's pred_contribs). */
    public static float[][] contributions(Booster booster, float[] flatRows, int rows, int columns) {
        DMatrix matrix = null;
        try {
            matrix = new DMatrix(flatRows, rows, columns, Float.NaN);
            return booster.predictContrib(matrix, 0);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
        } finally {
            if (matrix != null) {
                matrix.dispose();
            }
        }
    }

    /** Total gain per feature name (features never split on are absent). */
    public static Map<String, Double> gain(Booster booster, String[] featureNames) {
        try {
            return booster.getScore(featureNames, "total_gain");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost importance failed: " + e.getMessage(), e);
        }
    }

    /** The model in XGBoost's JSON format, the format DJL's engine loads. */
    public static byte[] toJson(Booster booster) {
        try {
            return booster.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost serialisation failed: " + e.getMessage(), e);
        }
    }

    public static Booster fromBytes(byte[] model) {
        try {
            return XGBoost.loadModel(model);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalStateException("XGBoost model unreadable: " + e.getMessage(), e);
        }
    }
}
