package com.commerceinsight.recommender.scoring;

import java.util.function.IntPredicate;

/** Picks the k highest-scored indices (best first) among the allowed ones, with a k-sized heap and no boxing. */
public final class TopK {

    private TopK() {
    }

    public static int[] select(double[] scores, int k, IntPredicate allowed) {
        int[] heap = new int[Math.max(0, Math.min(k, scores.length))];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!allowed.test(i)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (size > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] best = new int[size];
        for (int at = size - 1; at >= 0; at--) {
            best[at] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores);
        }
        return best;
    }

    /** Higher score first; ties go to the lower index, so rankings are deterministic. */
    private static boolean better(int a, int b, double[] scores) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static void siftUp(int[] heap, int at, double[] scores) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!better(heap[parent], heap[at], scores)) {
                return;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int at = 0;
        while (true) {
            int worst = at;
            int left = 2 * at + 1;
            int right = left + 1;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            swap(heap, at, worst);
            at = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
