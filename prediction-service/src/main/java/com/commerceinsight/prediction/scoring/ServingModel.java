package com.commerceinsight.prediction.scoring;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.commerceinsight.prediction.calibration.Calibrator;
import com.commerceinsight.prediction.training.FeaturePreprocessor;
import com.commerceinsight.prediction.training.XgbModels;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ml.xgboost.XgbSymbolBlock;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One model version loaded for serving. Probabilities go through DJL's XGBoost engine, from a pool of slots that each
 * own a DJL predictor (a native booster) and an xgboost4j booster of the same model for the per-feature
 * contributions, which DJL does not expose (same XGBoost version, same numbers). Both native boosters predict under
 * a lock of their own, so a pool, not one shared booster, lets concurrent requests run side by side. Every probability
 * leaves through the version's calibrator, here and nowhere else, so scores, labels and stored rows all see the
 * calibrated one.
 */
public final class ServingModel implements AutoCloseable {

    static {
        // DJL must not try to download anything: set before its first class loads (this class is its only user).
        System.setProperty("ai.djl.offline", "true");
    }

    /**
     * One feature's share of a score: its raw value and its contribution to the booster's log-odds (before calibration,
     * which is monotone: a contribution that raises the log-odds never lowers the calibrated probability).
     */
    public record Contribution(String feature, double value, double contribution) {
    }

    /** A calibrated probability and, when asked for, the contributions that explain it. */
    public record Score(double probability, List<Contribution> topContributions) {
    }

    private record Slot(Model model, Predictor<NDList, NDList> predictor, Booster explainer) {
    }

    private final long versionId;
    private final double threshold;
    private final FeaturePreprocessor preprocessor;
    private final Calibrator calibrator;
    private final List<String> selectedFeatures;
    private final Path directory;
    private final List<Slot> slots = new ArrayList<>();
    private final BlockingQueue<Slot> idle;

    /** @param calibrator null for a version trained before calibration: it serves the booster's probability */
    public ServingModel(long versionId, double threshold, FeaturePreprocessor preprocessor, List<String> selectedFeatures,
                        byte[] modelJson, Calibrator calibrator, int predictors) throws IOException {
        this.versionId = versionId;
        this.threshold = threshold;
        this.preprocessor = preprocessor;
        this.calibrator = calibrator;
        this.selectedFeatures = selectedFeatures;
        this.directory = Files.createTempDirectory("repurchase-model-" + versionId + "-");
        Files.write(directory.resolve("repurchase.json"), modelJson);
        this.idle = new ArrayBlockingQueue<>(predictors);
        try {
            for (int i = 0; i < predictors; i++) {
                Model model = Model.newInstance("repurchase", "XGBoost");
                model.load(directory, "repurchase");
                Slot slot = new Slot(model, model.newPredictor(new NoopTranslator()), XgbModels.fromBytes(modelJson));
                slots.add(slot);
                singleThreaded(((XgbSymbolBlock) model.getBlock()).getHandle());
                slot.explainer().setParam("nthread", 1);
                idle.add(slot);
            }
        } catch (MalformedModelException | XGBoostError | RuntimeException e) {
            close();
            throw new IOException("model version " + versionId + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /**
     * One row needs no parallelism, yet XGBoost predicts on an OpenMP team of every core by default, and the team's
     * barrier waits for any member the OS has descheduled: measured on the busy 2-core machine, one row took 6-38 ms
     * through DJL that way and 0.5-0.8 ms on one thread. Concurrency comes from the pool of slots instead. DJL exposes the
     * booster's handle but no way to set a parameter, and xgboost4j's JNI class is package-private, hence reflection
     * (same xgboost4j version as DJL bundles, see the pom).
     */
    private static void singleThreaded(long boosterHandle) {
        try {
            Method setParam = Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI")
                    .getDeclaredMethod("XGBoosterSetParam", long.class, String.class, String.class);
            setParam.setAccessible(true);
            if ((int) setParam.invoke(null, boosterHandle, "nthread", "1") != 0) {
                throw new IllegalStateException("XGBoost refused nthread=1");
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set XGBoost's nthread: " + e, e);
        }
    }

    public long versionId() {
        return versionId;
    }

    public double threshold() {
        return threshold;
    }

    /** Calibrated probabilities for rows of the full feature vector (every RepurchaseFeature, in order), in one DJL call. */
    public double[] probabilities(double[][] rows) {
        if (rows.length == 0) {
            return new double[0];
        }
        float[] flat = preprocessor.transformFlat(rows);
        Slot slot = take();
        try {
            float[] out = predict(slot, flat, rows.length);
            double[] probabilities = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                probabilities[i] = calibrated(out[i]);
            }
            return probabilities;
        } finally {
            idle.add(slot);
        }
    }

    /**
     * One customer's full feature vector: its calibrated probability through DJL and, when {@code contributions} is above zero,
     * that many of the largest contributions to its log-odds (XGBoost's SHAP values), from one slot of the pool.
     */
    public Score score(double[] row, int contributions) {
        float[] scaled = preprocessor.transform(row);
        Slot slot = take();
        try {
            double probability = calibrated(predict(slot, scaled, 1)[0]);
            if (contributions <= 0) {
                return new Score(probability, List.of());
            }
            float[] shap = XgbModels.contributions(slot.explainer(), scaled, 1, scaled.length)[0];
            List<Contribution> all = new ArrayList<>(selectedFeatures.size());
            for (int k = 0; k < selectedFeatures.size(); k++) {
                all.add(new Contribution(selectedFeatures.get(k), row[preprocessor.selected()[k]], shap[k]));
            }
            all.sort(Comparator.comparingDouble((Contribution c) -> Math.abs(c.contribution())).reversed());
            return new Score(probability, List.copyOf(all.subList(0, Math.min(contributions, all.size()))));
        } finally {
            idle.add(slot);
        }
    }

    private double calibrated(double probability) {
        return calibrator == null ? probability : calibrator.calibrate(probability);
    }

    private Slot take() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a predictor", e);
        }
    }

    /** Rows already scaled, flattened row-major. The sub-manager frees the native input and output at once. */
    private float[] predict(Slot slot, float[] scaledRows, int rows) {
        try (NDManager manager = slot.model().getNDManager().newSubManager()) {
            NDArray input = manager.create(scaledRows, new Shape(rows, preprocessor.width()));
            return slot.predictor().predict(new NDList(input)).singletonOrThrow().toFloatArray();
        } catch (TranslateException e) {
            throw new IllegalStateException("scoring failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        slots.forEach(slot -> {
            slot.predictor().close();
            slot.model().close();
            slot.explainer().dispose();
        });
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
