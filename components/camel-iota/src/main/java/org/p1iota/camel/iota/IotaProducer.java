package org.p1iota.camel.iota;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.p1iota.iota.tangle.SentBundle;
import org.p1iota.iota.tangle.TangleClient;

/**
 * Sends the body as one zero-value bundle. A node that cannot be reached is retried with backoff
 * (retryAttempts); after that the exchange fails with a TangleException, for the route's error handler.
 */
public class IotaProducer extends DefaultProducer {

    private TangleClient client;

    public IotaProducer(IotaEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public IotaEndpoint getEndpoint() {
        return (IotaEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = getEndpoint().createClient();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String address = message.getHeader(IotaConstants.ADDRESS, getEndpoint().getAddress(), String.class);
        String trytes = MessageBodies.toTrytes(exchange, getEndpoint().getMessageFormat());
        SentBundle sent = client.send(address, trytes);
        message.setHeader(IotaConstants.ADDRESS, address);
        message.setHeader(IotaConstants.BUNDLE_HASH, sent.bundleHash());
        message.setHeader(IotaConstants.TAIL_HASH, sent.tailHash());
        message.setHeader(IotaConstants.TRANSACTION_COUNT, sent.transactionCount());
    }
}
