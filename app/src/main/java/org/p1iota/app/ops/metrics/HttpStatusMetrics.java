package org.p1iota.app.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * HTTP requests answered by the web routes (camel-jetty consumers), by route and status code:
 * {@code p1iota_http_requests_total{route, status}}. An event notifier, so no route needs a step of its own:
 * the status is the route's {@code CamelHttpResponseCode}, 500 for an exchange that failed, 200 otherwise.
 * Requests Jetty refuses before Camel sees them (the request-size filter) are not counted here.
 */
public final class HttpStatusMetrics extends EventNotifierSupport {

    private final MeterRegistry registry;

    public HttpStatusMetrics(MeterRegistry registry) {
        this.registry = registry;
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        Endpoint from = exchange.getFromEndpoint();
        if (from == null || !from.getEndpointUri().startsWith("jetty:")) {
            return;
        }
        Integer code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        int status = code != null ? code : (exchange.isFailed() ? 500 : 200);
        Counter.builder("p1iota.http.requests")
                .description("HTTP requests answered by the role's web routes, by route and status code")
                .tag("route", String.valueOf(exchange.getFromRouteId())).tag("status", Integer.toString(status))
                .register(registry).increment();
    }
}
