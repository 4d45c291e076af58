package org.p1iota.app.ops.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p1iota.app.device.DataChannelWorker;
import org.p1iota.app.spool.DurableSpool;

/** The device's spool and data channel: what waits, what was confirmed on the tangle. */
public final class DeviceMetrics implements MeterBinder {

    private final DurableSpool spool;
    private final DataChannelWorker worker;

    public DeviceMetrics(DurableSpool spool, DataChannelWorker worker) {
        this.spool = spool;
        this.worker = worker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("p1iota.spool.depth", spool, DurableSpool::pendingCount)
                .description("telegrams in the durable spool not yet published to the data channel")
                .register(registry);
        Gauge.builder("p1iota.spool.oldest.age.seconds", spool, DeviceMetrics::oldestAgeSeconds)
                .description("how long the oldest telegram in the spool has waited to be published (0 when none waits)")
                .register(registry);
        Timer latency = Timer.builder("p1iota.data.publish.latency")
                .description("from a telegram's arrival in the spool to its DATA message confirmed by the node (the "
                        + "oldest telegram of each message: batching, proof of work, node calls, retries)")
                .serviceLevelObjectives(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
                        Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(30))
                .register(registry);
        spool.onAcknowledged(waited -> latency.record(waited, TimeUnit.MILLISECONDS));
        FunctionCounter.builder("p1iota.data.messages.published", worker, DataChannelWorker::batchesPublished)
                .description("DATA messages published to the data channel and confirmed by the node")
                .register(registry);
        FunctionCounter.builder("p1iota.data.telegrams.published", worker, DataChannelWorker::telegramsPublished)
                .description("telegrams carried by the published DATA messages")
                .register(registry);
    }

    private static double oldestAgeSeconds(DurableSpool spool) {
        long since = spool.oldestPendingSince();
        return since < 0 ? 0 : Math.max(0, System.currentTimeMillis() - since) / 1000.0;
    }
}
