package org.p1iota.camel.iota;

import org.apache.camel.support.DefaultProducer;
import org.p1iota.iota.tangle.TangleClient;

/** What the {@code iota:} and {@code iota-mam:} producers share: the node client, made when the producer starts. */
public abstract class TangleProducerSupport<E extends TangleEndpointSupport> extends DefaultProducer {

    private TangleClient client;

    protected TangleProducerSupport(E endpoint) {
        super(endpoint);
    }

    @Override
    @SuppressWarnings("unchecked") // the constructor took an E
    public E getEndpoint() {
        return (E) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().createClient();
    }

    protected TangleClient client() {
        return client;
    }
}
