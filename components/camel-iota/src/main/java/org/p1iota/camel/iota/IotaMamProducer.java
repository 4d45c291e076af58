package org.p1iota.camel.iota;

import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.iota.mam.CreatedMessage;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.ChannelStore;
import org.p1iota.iota.mam.MamWriter;
import org.p1iota.camel.iota.state.Subscription;
import org.p1iota.iota.tangle.SentBundle;

/**
 * Publishes the body as the channel's next message, or changes side keys and subscriptions (see
 * {@link IotaMamOperation}). Publishing is crash-safe: the payload is persisted as pending before it is
 * attached and confirmed after; a pending payload left by a crash is attached first, unchanged.
 */
public class IotaMamProducer extends TangleProducerSupport<IotaMamEndpoint> {

    public IotaMamProducer(IotaMamEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        IotaMamOperation operation = message.getHeader(IotaMamConstants.OPERATION, getEndpoint().getOperation(),
                IotaMamOperation.class);
        switch (operation) {
            case publish -> publish(exchange);
            case changeSideKey -> getEndpoint().writer().changeSideKey(newSideKey(message));
            case subscribe -> subscribe(message);
            case changeSubscriptionSideKey -> getEndpoint().followBook().changeSideKey(subscriptionId(message), newSideKey(message));
            case unsubscribe -> getEndpoint().followBook().remove(subscriptionId(message));
            default -> throw new IllegalArgumentException("unsupported operation " + operation);
        }
    }

    private void publish(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String trytes = MessageBodies.toTrytes(exchange, getEndpoint().getMessageFormat());
        MamWriter writer = getEndpoint().writer();
        Optional<CreatedMessage> leftOver = writer.pending();
        if (leftOver.isPresent() && !leftOver.get().message().equals(trytes)) {
            attachAndConfirm(writer, leftOver.get()); // a crash left it unconfirmed: it goes first, unchanged
        }
        Optional<ChannelStore.Confirmed> already = writer.confirmedAlready(trytes);
        if (already.isPresent()) {
            // the route died after this message was confirmed, before it noted that: it is on the tangle already
            message.setHeader(IotaMamConstants.ROOT, already.get().root());
            message.setHeader(IotaMamConstants.ADDRESS, already.get().address());
            message.setHeader(IotaMamConstants.NEXT_ROOT, already.get().nextRoot());
            message.removeHeader(IotaMamConstants.NEXT_SIDE_KEY);
            return;
        }
        CreatedMessage created = writer.create(trytes);
        String nextSideKey = message.getHeader(IotaMamConstants.NEXT_SIDE_KEY, String.class);
        if (nextSideKey != null) {
            writer.changeSideKey(nextSideKey); // the pending message keeps the key it was created with
        }
        SentBundle sent = attachAndConfirm(writer, created);
        message.setHeader(IotaMamConstants.ROOT, created.root());
        message.setHeader(IotaMamConstants.ADDRESS, created.address());
        message.setHeader(IotaMamConstants.NEXT_ROOT, created.nextRoot());
        message.setHeader(IotaMamConstants.BUNDLE_HASH, sent.bundleHash());
        message.removeHeader(IotaMamConstants.NEXT_SIDE_KEY);
    }

    private SentBundle attachAndConfirm(MamWriter writer, CreatedMessage created) throws Exception {
        SentBundle sent = client().send(created.address(), created.payload());
        writer.confirm();
        return sent;
    }

    private void subscribe(Message message) throws Exception {
        String root = message.getHeader(IotaMamConstants.ROOT, String.class);
        if (root == null) {
            throw new IllegalArgumentException("subscribe needs header " + IotaMamConstants.ROOT);
        }
        String mode = message.getHeader(IotaMamConstants.MODE, getEndpoint().getMode(), String.class);
        MamAddresses.address(root, MamMode.parse(mode)); // validates root and mode before anything is stored
        getEndpoint().followBook().put(new Subscription(subscriptionId(message), root, mode,
                message.getHeader(IotaMamConstants.SIDE_KEY, String.class)));
        message.removeHeader(IotaMamConstants.SIDE_KEY);
    }

    private static String subscriptionId(Message message) {
        return message.getHeader(IotaMamConstants.SUBSCRIPTION, IotaMamConsumer.DEFAULT_SUBSCRIPTION, String.class);
    }

    private static String newSideKey(Message message) {
        String key = message.getHeader(IotaMamConstants.SIDE_KEY, String.class);
        if (key == null) {
            key = message.getBody(String.class);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the new side key goes in header " + IotaMamConstants.SIDE_KEY + " or the body");
        }
        message.removeHeader(IotaMamConstants.SIDE_KEY);
        return key.trim();
    }
}
