package com.commerceinsight.analytics.paging;

import java.util.List;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/** One page of a list: the items, which page (from 0), the page size and the total number of items. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** The deepest first item a page may start at: a deeper page makes the database skip that many rows first. */
    public static final long MAX_OFFSET = 1_000_000;

    /** A page after the last one is a client's mistake (page 0 of an empty list is just empty): 400 naming page. */
    public Page {
        if (page > 0 && (long) page * size >= total) {
            throw new InvalidFieldException("page", "page " + page + " is past the last page: " + total + " items, "
                    + size + " per page");
        }
    }

    /** Rejects, before any query, a page that starts deeper than {@link #MAX_OFFSET} or a negative one, naming page. */
    public static void requireReachable(int page, int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "page must be 0 or more");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new InvalidFieldException("page", "page * size may be at most " + MAX_OFFSET + ", not " + (long) page * size);
        }
    }
}
