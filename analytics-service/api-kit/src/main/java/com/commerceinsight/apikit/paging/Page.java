package com.commerceinsight.apikit.paging;

import java.util.List;

/** One page of a list: the items, which page (from 0), the page size and the total number of items. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
