package org.p1iota.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an exception a route did not handle into the error shape, instead of camel-jetty's default
 * answer, an empty 500 that tells the page nothing (and, with {@code transferException}, a
 * serialized exception: internals for anyone to read). Bad input
 * ({@link IllegalArgumentException}) is a 400 with its message; a refused consent link its own
 * status; anything else a 500 that says only that something failed, the details going to the log.
 * Use in {@code onException} with {@code handled: true}.
 */
public final class WebErrors implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof ConsentLinkException refused) {
            WebJson.fail(exchange, refused.reason().status(), refused.reason().code(), refused.getMessage());
        } else if (failure instanceof IllegalArgumentException bad) {
            WebJson.fail(exchange, 400, "bad_request", bad.getMessage());
        } else {
            LOG.error("{} {} failed", HttpRequests.method(exchange),
                    exchange.getIn().getHeader(Exchange.HTTP_URI, String.class), failure);
            WebJson.fail(exchange, 500, "internal_error", "Something went wrong on this side; the log has the details.");
        }
    }
}
