package com.commerceinsight.recommender.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.commerceinsight.recommender.als.AlsFactors;
import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.als.ImplicitAlsTrainer;

/**
 * Prints the wall time of one ALS sweep (customers then products) and of one customer's fold-in on synthetic
 * customers × products matrices with planted taste groups. Medians of one run on whatever else the machine does.
 * Arguments: customers×products sizes, e.g. {@code 10000x1000 100000x10000}; system properties factors (32),
 * interactions (20 per customer), sweeps (5), cg (3).
 */
public final class AlsBenchmark {

    private AlsBenchmark() {
    }

    public static void main(String[] args) {
        int factors = Integer.getInteger("factors", 32);
        int perCustomer = Integer.getInteger("interactions", 20);
        int sweeps = Integer.getInteger("sweeps", 5);
        int cg = Integer.getInteger("cg", 3);
        String[] sizes = args.length > 0 ? args : new String[] {"10000x1000", "100000x10000"};
        System.out.printf("cores %d, factors %d, %d interactions per customer, %d CG steps%n",
                Runtime.getRuntime().availableProcessors(), factors, perCustomer, cg);
        System.out.println("customers x products | non-zeros | seconds per sweep (median) | fold-in ms per customer (median)");
        for (String size : sizes) {
            String[] parts = size.split("x");
            int customers = Integer.parseInt(parts[0]);
            int products = Integer.parseInt(parts[1]);
            CsrMatrix matrix = planted(customers, products, perCustomer, 32, new SplittableRandom(1));
            AlsParams params = new AlsParams(factors, 1.0, 5, sweeps, cg, 7);
            List<Double> sweepSeconds = new ArrayList<>();
            long[] start = {System.nanoTime()};
            AlsFactors trained = ImplicitAlsTrainer.train(matrix, params, (sweep, f) -> {
                long now = System.nanoTime();
                sweepSeconds.add((now - start[0]) / 1e9);
                start[0] = now;
                return true;
            });
            double[] gram = trained.items().gram();
            List<Double> foldInMillis = new ArrayList<>();
            for (int c = 0; c < 1_000; c++) {
                long t0 = System.nanoTime();
                ImplicitAlsTrainer.foldIn(trained.items(), gram, matrix.rowColumns(c), matrix.rowValues(c), params);
                foldInMillis.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("%,d x %,d | %,d | %.3f | %.3f%n", customers, products, matrix.nonZeros(), median(sweepSeconds),
                    median(foldInMillis));
        }
    }

    /** Each customer draws from one of {@code groups} blocks of products most of the time, from anywhere otherwise. */
    static CsrMatrix planted(int customers, int products, int perCustomer, int groups, SplittableRandom random) {
        int n = customers * perCustomer;
        int[] rows = new int[n];
        int[] cols = new int[n];
        float[] values = new float[n];
        int block = Math.max(1, products / groups);
        for (int c = 0, e = 0; c < customers; c++) {
            int group = random.nextInt(groups);
            for (int i = 0; i < perCustomer; i++, e++) {
                rows[e] = c;
                cols[e] = random.nextDouble() < 0.8 ? Math.min(products - 1, group * block + random.nextInt(block)) : random.nextInt(products);
                values[e] = 1;
            }
        }
        return CsrMatrix.fromTriples(customers, products, rows, cols, values);
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
