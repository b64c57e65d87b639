package com.commerceinsight.analytics.analyses;

import java.util.List;

import com.commerceinsight.analytics.paging.Page;

/** Which page of a list a client asked for (page from 0). */
public record PageRequest(int page, int size) {

    public int offset() {
        return page * size;
    }

    /** The requested page of a list computed whole (lists an analysis builds in memory, such as a ranked set). */
    public <T> Page<T> of(List<T> all) {
        int from = (int) Math.min(all.size(), (long) page * size);
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
