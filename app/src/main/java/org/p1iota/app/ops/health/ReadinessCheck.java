package org.p1iota.app.ops.health;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check of something outside the process (node, meter, disk): it decides readiness only. A node that is
 * down does not get better by restarting the device, so a liveness probe must not see it.
 */
abstract class ReadinessCheck extends AbstractHealthCheck {

    static final String GROUP = "p1iota";

    ReadinessCheck(String id) {
        super(GROUP, id);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    static String seconds(long millis) {
        return (millis / 1000) + " s";
    }
}
