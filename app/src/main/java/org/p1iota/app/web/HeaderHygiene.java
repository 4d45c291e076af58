package org.p1iota.app.web;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * camel-jetty copies the request's headers into the exchange and, by default, writes them back into
 * the response: a request's {@code Cookie} or {@code Authorization} would be echoed to the client
 * (and to any cache in between). This strategy lets out only the response headers this application
 * sets, by name. Use it on every jetty endpoint ({@code ?headerFilterStrategy=#headerHygiene}); as a
 * processor at the end of a route it also removes every other header from the message.
 * <p>
 * Inbound it lets nothing in: camel-jetty maps query parameters and form fields into the same headers
 * as the request's real ones, so {@code ?Authorization=…} or {@code ?Content-Type=…} would be
 * indistinguishable from the real thing (and {@code ?CamelHttpRawQuery=…} or other {@code Camel*}
 * names could steer Camel itself). The web classes read the request through {@link HttpRequests}.
 * camel-jetty's own {@code CamelHttp*} headers and {@code Content-Type} are written by the binding
 * directly, after the mapping, so they still come from the request.
 */
public final class HeaderHygiene extends HttpHeaderFilterStrategy implements Processor {

    /** The only headers a response may carry, lower case. */
    static final Set<String> RESPONSE_HEADERS = Set.of(
            "content-type", "cache-control", "content-security-policy", "x-content-type-options",
            "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "set-cookie", "location",
            "content-disposition", "www-authenticate", "retry-after", "allow", "x-accel-buffering");

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        return true;
    }

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        // true filters out; the parent's list would also drop Cache-Control, which we set on purpose.
        // Content-Type is written by the binding itself (setContentType): letting it through here too
        // sent it twice ("text/csv; charset=utf-8, text/csv; charset=utf-8", issue 16)
        String name = headerName.toLowerCase(Locale.ROOT);
        return name.equals("content-type") || !RESPONSE_HEADERS.contains(name);
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().getHeaders().keySet().removeIf(name -> !name.startsWith("Camel")
                && !RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT)));
    }
}
