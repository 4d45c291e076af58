package org.p1iota.camel.iota;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p1iota.camel.iota.state.ProcessedBundles;
import org.p1iota.camel.iota.tangle.BundleAssembler;
import org.p1iota.camel.iota.tangle.TangleClient;
import org.p1iota.camel.iota.tangle.TangleMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Polls an address and emits every new valid message bundle once, oldest first. Emitted bundles are
 * recorded on disk after the route processed them, so a restart does not emit them again; bundles that
 * do not validate are dropped and counted.
 */
@ManagedResource(description = "IOTA address consumer")
public class IotaConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IotaConsumer.class);

    private TangleClient client;
    private ProcessedBundles processed;
    private final Set<String> reportedInvalid = new HashSet<>();
    private volatile long invalidBundles;
    private volatile long emitted;

    public IotaConsumer(IotaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public IotaEndpoint getEndpoint() {
        return (IotaEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        client = getEndpoint().createClient();
        processed = ProcessedBundles.open(getEndpoint().processedBundlesFile());
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        BundleAssembler.Result result = client.read(getEndpoint().getAddress());
        for (String bundle : result.rejectedBundles()) {
            if (reportedInvalid.add(bundle)) {
                invalidBundles++;
                LOG.warn("Dropped bundle {} at {}: it does not validate", bundle, getEndpoint().getAddress());
            }
        }
        int count = 0;
        for (TangleMessage message : result.messages()) {
            if (!isRunAllowed() || processed.contains(message.bundleHash())) {
                continue;
            }
            Exchange exchange = createExchange(true);
            exchange.getMessage().setBody(MessageBodies.fromTrytes(message.trytes(), getEndpoint().getMessageFormat()));
            exchange.getMessage().setHeader(IotaConstants.ADDRESS, message.address());
            exchange.getMessage().setHeader(IotaConstants.BUNDLE_HASH, message.bundleHash());
            exchange.getMessage().setHeader(IotaConstants.TAIL_HASH, message.tailHash());
            exchange.getMessage().setHeader(IotaConstants.TAG, message.tag());
            exchange.getMessage().setHeader(IotaConstants.ATTACHMENT_TIMESTAMP, message.attachmentTimestamp());
            try {
                getProcessor().process(exchange);
                if (exchange.getException() == null) {
                    processed.add(message.bundleHash());
                    emitted++;
                    count++;
                } else {
                    getExceptionHandler().handleException("Failed processing message of bundle " + message.bundleHash(),
                            exchange, exchange.getException());
                    break; // keep the order: try this one again on the next poll
                }
            } finally {
                releaseExchange(exchange, false);
            }
        }
        return count;
    }

    @ManagedAttribute(description = "Bundles at the address that did not validate and were dropped")
    public long getInvalidBundles() {
        return invalidBundles;
    }

    @ManagedAttribute(description = "Messages emitted since start")
    public long getEmittedMessages() {
        return emitted;
    }
}
