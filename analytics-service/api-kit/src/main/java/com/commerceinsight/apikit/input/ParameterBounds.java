package com.commerceinsight.apikit.input;

/** Checks of request parameters against configured bounds; a value past one is an {@link InvalidParameterException}. */
public final class ParameterBounds {

    private ParameterBounds() {
    }

    /** The value when it is at most max. */
    public static int atMost(String parameter, int value, int max) {
        if (value > max) {
            throw new InvalidParameterException(parameter, "must be at most " + max);
        }
        return value;
    }

    /**
     * The first item of the page must be addressable: a query's offset is an int, and page * size of two ints can pass
     * its range (the database would be asked for a negative offset). Checked before the page is read.
     */
    public static void pageInRange(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", "page * size must be at most " + Integer.MAX_VALUE);
        }
    }

    /**
     * A page (from 0) of the given size must start within the total, except the first, which may be empty. Computed in
     * longs: page * size of two ints can pass the int range.
     */
    public static void pageWithinTotal(int page, int size, long total) {
        if (page > 0 && (long) page * size >= total) {
            throw new InvalidParameterException("page", "page " + page + " of size " + size + " starts past the " + total
                    + " items; the last page is " + Math.max(0, (total - 1) / size));
        }
    }
}
