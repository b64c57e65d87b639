package com.commerceinsight.recommender.models;

import java.nio.ByteBuffer;
import java.time.Instant;

import com.commerceinsight.recommender.als.AlsFactors;
import com.commerceinsight.recommender.als.AlsParams;
import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.als.FactorMatrix;
import com.commerceinsight.recommender.popularity.Popularity;
import com.commerceinsight.recommender.similarity.ItemSimilarity;
import com.commerceinsight.recommender.training.TrainedModels;
import com.commerceinsight.recommender.training.TrainingSet;

/**
 * Writes trained models to bytes and back: a format tag, the ALS parameters, then every array length-prefixed in
 * bulk (big-endian). A versioned binary layout rather than Java serialisation: compact, fast for tens of
 * megabytes of factors, and readable by a future release.
 */
public final class ModelCodec {

    private static final int FORMAT = 0x52454331; // "REC1"

    private ModelCodec() {
    }

    public static byte[] encode(TrainedModels models) {
        TrainingSet data = models.data();
        AlsParams p = models.params();
        CsrMatrix[] matrices = {data.strength(), data.purchases(), models.similarity().neighbours()};
        long size = 4 + 4 + 8 + 8 + 4 + 4 + 8 + 8 + 8L * (data.customerIds().length + data.productIds().length) + 8
                + 4 + 4 + 4L * (models.factors().users().data().length + models.factors().items().data().length)
                + 4 + 8L * models.popularity().buyers().length;
        for (CsrMatrix m : matrices) {
            size += 5 * 4 + 4L * (m.rowStartArray().length + 2L * m.nonZeros());
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.putInt(FORMAT).putInt(p.factors()).putDouble(p.regularization()).putDouble(p.alpha()).putInt(p.iterations())
                .putInt(p.cgSteps()).putLong(p.seed()).putLong(data.cutoff().getEpochSecond());
        putLongs(out, data.customerIds());
        putLongs(out, data.productIds());
        for (CsrMatrix m : matrices) {
            putMatrix(out, m);
        }
        putFloats(out, models.factors().users().data());
        putFloats(out, models.factors().items().data());
        out.putInt(models.popularity().buyers().length);
        out.asDoubleBuffer().put(models.popularity().buyers());
        return out.array();
    }

    public static TrainedModels decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != FORMAT) {
            throw new IllegalArgumentException("not a recommender model (unknown format tag)");
        }
        AlsParams params = new AlsParams(in.getInt(), in.getDouble(), in.getDouble(), in.getInt(), in.getInt(), in.getLong());
        Instant cutoff = Instant.ofEpochSecond(in.getLong());
        long[] customers = getLongs(in);
        long[] products = getLongs(in);
        CsrMatrix strength = getMatrix(in);
        CsrMatrix purchases = getMatrix(in);
        CsrMatrix neighbours = getMatrix(in);
        FactorMatrix users = new FactorMatrix(customers.length, params.factors(), getFloats(in));
        FactorMatrix items = new FactorMatrix(products.length, params.factors(), getFloats(in));
        double[] buyers = new double[in.getInt()];
        in.asDoubleBuffer().get(buyers);
        return new TrainedModels(new TrainingSet(customers, products, strength, purchases, cutoff), params,
                new AlsFactors(users, items), new ItemSimilarity(neighbours), new Popularity(buyers));
    }

    private static void putMatrix(ByteBuffer out, CsrMatrix m) {
        out.putInt(m.rows()).putInt(m.cols());
        putInts(out, m.rowStartArray());
        putInts(out, m.columnArray());
        putFloats(out, m.valueArray());
    }

    private static CsrMatrix getMatrix(ByteBuffer in) {
        int rows = in.getInt();
        int cols = in.getInt();
        return new CsrMatrix(rows, cols, getInts(in), getInts(in), getFloats(in));
    }

    private static void putLongs(ByteBuffer out, long[] values) {
        out.putInt(values.length);
        out.asLongBuffer().put(values);
        out.position(out.position() + 8 * values.length);
    }

    private static long[] getLongs(ByteBuffer in) {
        long[] values = new long[in.getInt()];
        in.asLongBuffer().get(values);
        in.position(in.position() + 8 * values.length);
        return values;
    }

    private static void putInts(ByteBuffer out, int[] values) {
        out.putInt(values.length);
        out.asIntBuffer().put(values);
        out.position(out.position() + 4 * values.length);
    }

    private static int[] getInts(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        in.asIntBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }

    static void putFloats(ByteBuffer out, float[] values) {
        out.putInt(values.length);
        out.asFloatBuffer().put(values);
        out.position(out.position() + 4 * values.length);
    }

    static float[] getFloats(ByteBuffer in) {
        float[] values = new float[in.getInt()];
        in.asFloatBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }
}
