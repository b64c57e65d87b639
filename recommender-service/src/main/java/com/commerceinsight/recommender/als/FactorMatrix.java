package com.commerceinsight.recommender.als;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A dense rows × factors matrix in one row-major float array: row r occupies {@code [r*factors, (r+1)*factors)}. */
public final class FactorMatrix {

    private final int rows;
    private final int factors;
    private final float[] data;

    public FactorMatrix(int rows, int factors, float[] data) {
        if (data.length != rows * factors) {
            throw new IllegalArgumentException("expected " + rows * factors + " values, got " + data.length);
        }
        this.rows = rows;
        this.factors = factors;
        this.data = data;
    }

    /** Small random values (uniform in ±scale/2), seeded so training is reproducible. */
    static FactorMatrix random(int rows, int factors, float scale, SplittableRandom rng) {
        float[] data = new float[rows * factors];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((rng.nextDouble() - 0.5) * scale);
        }
        return new FactorMatrix(rows, factors, data);
    }

    public int rows() {
        return rows;
    }

    public int factors() {
        return factors;
    }

    /** The backing array (row-major); shared, not copied, so solvers write rows in place. */
    public float[] data() {
        return data;
    }

    public float[] row(int r) {
        return Arrays.copyOfRange(data, r * factors, (r + 1) * factors);
    }

    /** Dot product of row r with a vector of length factors. */
    public double dot(int r, float[] vector) {
        double sum = 0;
        int base = r * factors;
        for (int f = 0; f < factors; f++) {
            sum += data[base + f] * vector[f];
        }
        return sum;
    }

    /** YᵀY in double precision, summed over rows in parallel chunks. */
    public double[] gram() {
        int k = factors;
        int chunks = Math.max(1, Math.min(rows / 512, Runtime.getRuntime().availableProcessors() * 4));
        double[][] partial = new double[chunks][];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk -> {
            double[] g = new double[k * k];
            int from = (int) ((long) rows * chunk / chunks);
            int to = (int) ((long) rows * (chunk + 1) / chunks);
            for (int r = from; r < to; r++) {
                int base = r * k;
                for (int a = 0; a < k; a++) {
                    double ya = data[base + a];
                    for (int b = a; b < k; b++) {
                        g[a * k + b] += ya * data[base + b];
                    }
                }
            }
            partial[chunk] = g;
        });
        double[] gram = new double[k * k];
        for (double[] g : partial) {
            for (int i = 0; i < gram.length; i++) {
                gram[i] += g[i];
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                gram[a * k + b] = gram[b * k + a];
            }
        }
        return gram;
    }
}
