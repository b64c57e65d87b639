package com.commerceinsight.apikit.paging;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.commerceinsight.apikit.input.ParameterBounds;

/**
 * A page (from 0) and size a caller asked for, already checked against the service's largest page size and the range
 * of a query's offset; reading it checks that the page starts within the total (the first page may be empty).
 */
public record PageRequest(int page, int size) {

    /** The request when size is at most maxSize and page * size is a valid offset; else a 400 naming the parameter. */
    public static PageRequest checked(int page, int size, int maxSize) {
        ParameterBounds.atMost("size", size, maxSize);
        ParameterBounds.pageInRange(page, size);
        return new PageRequest(page, size);
    }

    /** The page, counting first so that a page past the end costs no read of its items. */
    public <T> Page<T> read(LongSupplier count, Supplier<List<T>> items) {
        long total = count.getAsLong();
        ParameterBounds.pageWithinTotal(page, size, total);
        return new Page<>(items.get(), page, size, total);
    }

    /** A page read together with its total, once checked that it starts within that total. */
    public <T> Page<T> within(Page<T> read) {
        ParameterBounds.pageWithinTotal(page, size, read.total());
        return read;
    }
}
