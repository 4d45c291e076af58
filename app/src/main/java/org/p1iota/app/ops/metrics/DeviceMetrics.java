package org.p1iota.app.ops.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
        FunctionCounter.builder("p1iota.data.messages.published", worker, DataChannelWorker::batchesPublished)
                .description("DATA messages published to the data channel and confirmed by the node")
                .register(registry);
        FunctionCounter.builder("p1iota.data.telegrams.published", worker, DataChannelWorker::telegramsPublished)
                .description("telegrams carried by the published DATA messages")
                .register(registry);
    }
}
