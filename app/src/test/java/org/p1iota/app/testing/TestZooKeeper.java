package org.p1iota.app.testing;

import org.junit.jupiter.api.Assumptions;

/** The ZooKeeper server that {@code .ci/services} starts (host:port in {@value #VARIABLE}); as {@link TestPostgres}. */
public final class TestZooKeeper {

    public static final String VARIABLE = "P1IOTA_TEST_ZOOKEEPER";

    private TestZooKeeper() {
    }

    public static String connectString() {
        String nodes = System.getenv(VARIABLE);
        if (nodes == null || nodes.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(VARIABLE + " is not set: .ci/run starts ZooKeeper with .ci/services");
            }
            Assumptions.abort(VARIABLE + " is not set: eval \"$(.ci/services)\" starts PostgreSQL and ZooKeeper");
        }
        return nodes;
    }
}
