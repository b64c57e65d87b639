package com.commerceinsight.recommender.foldin;

import java.nio.ByteBuffer;

import com.commerceinsight.recommender.scoring.CustomerRow;

/** A folded-in customer row as the two byte columns of {@link CustomerFoldIn}. */
public final class FoldInCodec {

    private FoldInCodec() {
    }

    public static byte[] signals(CustomerRow row) {
        ByteBuffer out = ByteBuffer.allocate(4 * (2 + 2 * row.products().length + row.bought().length));
        out.putInt(row.products().length);
        out.asIntBuffer().put(row.products());
        out.position(out.position() + 4 * row.products().length);
        out.asFloatBuffer().put(row.strength());
        out.position(out.position() + 4 * row.strength().length);
        out.putInt(row.bought().length);
        out.asIntBuffer().put(row.bought());
        return out.array();
    }

    public static byte[] vector(CustomerRow row) {
        ByteBuffer out = ByteBuffer.allocate(4 * row.vector().length);
        out.asFloatBuffer().put(row.vector());
        return out.array();
    }

    /** The ids of the orders a row holds (sorted), as longs, big-endian. */
    public static byte[] orders(long[] orderIds) {
        ByteBuffer out = ByteBuffer.allocate(8 * orderIds.length);
        out.asLongBuffer().put(orderIds);
        return out.array();
    }

    /** The ids of {@link #orders}; none for a row written before rows kept them. */
    public static long[] decodeOrders(byte[] stored) {
        if (stored == null) {
            return new long[0];
        }
        long[] orderIds = new long[stored.length / 8];
        ByteBuffer.wrap(stored).asLongBuffer().get(orderIds);
        return orderIds;
    }

    public static CustomerRow decode(CustomerFoldIn stored) {
        ByteBuffer in = ByteBuffer.wrap(stored.signals);
        int[] products = new int[in.getInt()];
        in.asIntBuffer().get(products);
        in.position(in.position() + 4 * products.length);
        float[] strength = new float[products.length];
        in.asFloatBuffer().get(strength);
        in.position(in.position() + 4 * strength.length);
        int[] bought = new int[in.getInt()];
        in.asIntBuffer().get(bought);
        float[] vector = new float[stored.vector.length / 4];
        ByteBuffer.wrap(stored.vector).asFloatBuffer().get(vector);
        return new CustomerRow(products, strength, bought, vector);
    }
}
