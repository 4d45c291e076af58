package org.p1iota.app.web;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Sets the response headers that make the pages hard to abuse: a Content-Security-Policy without
 * inline script (so injected markup cannot run), no framing, no MIME sniffing, no referrer, and
 * {@code Cache-Control: no-store} (API answers and pages hold household data; {@link StaticAssets}
 * relaxes it for assets). Put it first in a route so error answers carry the headers too.
 * <p>
 * It also makes the answer UTF-8 whatever charset the request named: camel-jetty would otherwise
 * encode the answer in the request's charset ({@link RequestLimits} lets only UTF-8 in).
 */
public final class SecurityHeaders implements Processor {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        message.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setHeader("X-Frame-Options", "DENY");
        message.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        message.setHeader("Cache-Control", "no-store");
        exchange.setProperty(ExchangePropertyKey.CHARSET_NAME, "UTF-8");
    }
}
