package org.p1iota.camel.iota;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.p1iota.camel.iota.state.Redeliveries;

/**
 * One attempt of a consumer's route at a message it holds, as both the {@code iota:} and the
 * {@code iota-mam:} consumers make it: the Camel redelivery headers when the message failed before,
 * then the route, then what became of the message. The consumers log and record the outcome in their
 * own terms (a bundle, a channel root).
 */
final class MessageAttempts {

    enum Outcome {
        /** the route handled it */
        PROCESSED,
        /** the route failed on it {@code 1 + maxRedeliveries} times: it must not hold later messages any longer */
        GIVEN_UP,
        /** the route failed on it: it is offered again on the next poll, later messages wait */
        RETRY_LATER
    }

    private final Redeliveries redeliveries;

    MessageAttempts(int maxRedeliveries) {
        this.redeliveries = new Redeliveries(maxRedeliveries);
    }

    /** Failures so far of this message (0 on its first attempt). */
    int failuresOf(String message) {
        return redeliveries.failuresOf(message);
    }

    /** Routes {@code exchange}, whose body and headers are the message's; its exception, if any, stays on it. */
    Outcome attempt(String message, Exchange exchange, Processor route) {
        int failures = redeliveries.failuresOf(message);
        if (failures > 0) {
            exchange.getMessage().setHeader(Exchange.REDELIVERED, true);
            exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, failures);
        }
        try {
            route.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() == null) {
            redeliveries.succeeded(message);
            return Outcome.PROCESSED;
        }
        return redeliveries.failed(message) ? Outcome.GIVEN_UP : Outcome.RETRY_LATER;
    }
}
