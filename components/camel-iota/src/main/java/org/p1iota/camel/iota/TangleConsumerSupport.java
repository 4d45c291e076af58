package org.p1iota.camel.iota;

import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p1iota.camel.iota.MessageAttempts.Outcome;
import org.p1iota.iota.tangle.TangleClient;
import org.slf4j.Logger;

/**
 * What the {@code iota:} and {@code iota-mam:} consumers share: the node client, made when the consumer
 * starts, and how a message read from the tangle is offered to the route (redelivery headers, the
 * consumer's exception handler, given up after {@code 1 + maxRedeliveries} attempts), with the drops
 * counted and rate-limited in the log. What differs is where the messages come from and what a
 * handled one moves on: {@link #open()} and {@link #poll()}.
 */
public abstract class TangleConsumerSupport<E extends TangleEndpointSupport> extends ScheduledPollConsumer {

    private final DropLog undecodable;
    private final DropLog failed;
    private TangleClient client;
    private MessageAttempts attempts;
    private final java.util.concurrent.atomic.LongAdder emitted = new java.util.concurrent.atomic.LongAdder();

    protected TangleConsumerSupport(E endpoint, Processor processor, Logger log, String droppedWhat) {
        super(endpoint, processor);
        this.undecodable = new DropLog(log, droppedWhat + " whose trytes are no bytes");
        this.failed = new DropLog(log, droppedWhat + " the route kept failing on");
    }

    @Override
    @SuppressWarnings("unchecked") // the constructor took an E
    public E getEndpoint() {
        return (E) super.getEndpoint();
    }

    @Override
    protected final void doStart() throws Exception {
        client = getEndpoint().createClient();
        attempts = new MessageAttempts(getEndpoint().getMaxRedeliveries());
        open();
        super.doStart(); // polling starts here: everything the polls use is ready
    }

    /** Opens what the consumer keeps (read positions, handled messages) before the first poll. */
    protected abstract void open() throws Exception;

    protected TangleClient client() {
        return client;
    }

    /** The body of a message's trytes, or null when they are no bytes (counted and logged as {@code what}). */
    protected Object bodyOf(String trytes, String what) {
        try {
            return MessageBodies.fromTrytes(trytes, getEndpoint().getMessageFormat());
        } catch (UndecodableMessageException e) {
            undecodable.dropped(what + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * Offers one message to the route. {@code key} names the message across polls (its failures count
     * together), {@code what} names it in the log.
     */
    protected Outcome deliver(String key, String what, Object body, Consumer<Message> headers) {
        int failures = attempts.failuresOf(key);
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setBody(body);
            headers.accept(exchange.getMessage());
            Outcome outcome = attempts.attempt(key, exchange, getProcessor());
            switch (outcome) {
                case PROCESSED -> emitted.increment();
                case GIVEN_UP -> failed.dropped(what + " after " + (failures + 1) + " attempts: " + exchange.getException());
                default -> getExceptionHandler().handleException("Failed processing " + what + " (attempt " + (failures + 1)
                        + "); it is offered again on the next poll", exchange, exchange.getException());
            }
            return outcome;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @ManagedAttribute(description = "Messages whose trytes are no bytes: dropped")
    public long getUndecodableMessages() {
        return undecodable.count();
    }

    @ManagedAttribute(description = "Messages the route failed on 1 + maxRedeliveries times: dropped")
    public long getFailedMessages() {
        return failed.count();
    }

    @ManagedAttribute(description = "Messages emitted since start")
    public long getEmittedMessages() {
        return emitted.sum();
    }
}
