package com.commerceinsight.deploy.e2e;

/**
 * Runs a benchmark's body and ends the JVM with its outcome: 0 when it printed its figures, 1 with the stack trace when
 * it failed. Why not just return: the load generator's event loop and client threads are not daemons, and would keep
 * the JVM, and with it the whole local system the benchmark started, running after a failure.
 */
final class BenchmarkRun {

    interface Body {
        void run(String[] args) throws Exception;
    }

    private BenchmarkRun() {
    }

    static void exitWith(Body body, String[] args) {
        try {
            body.run(args);
            System.exit(0);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
