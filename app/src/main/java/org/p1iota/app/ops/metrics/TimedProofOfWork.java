package org.p1iota.app.ops.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p1iota.iota.pow.ProofOfWork;

/**
 * The embedded node's proof of work for its callers' attachToTangle, one transaction at a time:
 * {@code p1iota_node_pow_transaction_seconds}. Wraps the node's engine; meters once the role's registry is bound
 * (the node role builds its engine before the registry exists).
 */
public final class TimedProofOfWork implements ProofOfWork, MeterBinder {

    /** The bean name under which the node role binds it, where {@code Operations} finds it. */
    public static final String BEAN = "nodeTimedProofOfWork";

    private final ProofOfWork engine;
    private volatile Timer timer;

    public TimedProofOfWork(ProofOfWork engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        timer = Timer.builder("p1iota.node.pow.transaction")
                .description("the embedded node's proof of work for one transaction of an attachToTangle call")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public String search(String transactionTrytes, int minWeightMagnitude) throws InterruptedException {
        long start = System.nanoTime();
        String nonce = engine.search(transactionTrytes, minWeightMagnitude);
        Timer meter = timer;
        if (meter != null) {
            meter.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return nonce;
    }
}
