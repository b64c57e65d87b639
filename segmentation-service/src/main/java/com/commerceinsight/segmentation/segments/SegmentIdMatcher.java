package com.commerceinsight.segmentation.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.commerceinsight.segmentation.clustering.Centroids;

/**
 * Gives the clusters of a new model the segment ids of the previous model's nearest clusters, so a segment keeps
 * its id across retrains. Greedy on distance: the closest (new, old) pair is matched first, then the closest of the
 * rest, and so on; with k ≤ 10 this is nearly always the optimal assignment and it is easy to reason about. New
 * clusters left over (k grew) get fresh ids above every id used before; old ids left over (k shrank) retire.
 */
public final class SegmentIdMatcher {

    private SegmentIdMatcher() {
    }

    /**
     * @param current     the new centroids
     * @param previous    the previous model's centroids, expressed in the same space as current
     * @param previousIds their segment ids
     * @param nextFreeId  the smallest id never used before
     * @return the segment id of each new centroid
     */
    public static int[] match(double[][] current, double[][] previous, int[] previousIds, int nextFreeId) {
        record Pair(int current, int previous, double distance) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int c = 0; c < current.length; c++) {
            for (int p = 0; p < previous.length; p++) {
                pairs.add(new Pair(c, p, Centroids.squaredDistance(current[c], previous[p])));
            }
        }
        pairs.sort((a, b) -> a.distance() != b.distance() ? Double.compare(a.distance(), b.distance())
                : a.current() != b.current() ? Integer.compare(a.current(), b.current())
                : Integer.compare(a.previous(), b.previous()));
        int[] ids = new int[current.length];
        Arrays.fill(ids, -1);
        boolean[] previousTaken = new boolean[previous.length];
        for (Pair pair : pairs) {
            if (ids[pair.current()] < 0 && !previousTaken[pair.previous()]) {
                ids[pair.current()] = previousIds[pair.previous()];
                previousTaken[pair.previous()] = true;
            }
        }
        int next = nextFreeId;
        for (int c = 0; c < ids.length; c++) {
            if (ids[c] < 0) {
                ids[c] = next++;
            }
        }
        return ids;
    }
}
