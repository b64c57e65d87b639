package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The soak's live-heap reading on this JVM's own histograms, taken with the jcmd tool as the soak's fallback does. */
class LiveHeapTest {

    /** Objects held between two histograms: the class the growth must name first. */
    record Held(long a, long b, long c, long d) {
    }

    @Test
    void aHistogramsTotalIsTheSumOfItsClasses() throws Exception {
        LiveHeap heap = LiveHeap.parse(histogramOfThisJvm());

        assertThat(heap.totalBytes()).isPositive();
        assertThat(heap.bytesByClass()).containsKey("java.lang.String");
        assertThat(heap.bytesByClass().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(heap.totalBytes());
    }

    @Test
    void theGrowthNamesTheClassHeldBetweenTwoHistograms() throws Exception {
        LiveHeap before = LiveHeap.parse(histogramOfThisJvm());
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            held.add(new Held(i, i, i, i));
        }
        LiveHeap after = LiveHeap.parse(histogramOfThisJvm());

        assertThat(held).hasSize(200_000);
        assertThat(after.growthSince(before, 3).get(0)).startsWith(Held.class.getName() + " +");
    }

    @Test
    void noHistogramIsATotalOfMinusOne() {
        assertThat(LiveHeap.parse("").totalBytes()).isEqualTo(-1);
        assertThat(LiveHeap.parse("12345: Unable to open socket file").bytesByClass()).isEmpty();
    }

    private static String histogramOfThisJvm() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
