package org.p1iota.camel.p1;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Reads DSMR P1 telegrams from a serial port, a TCP socket or a file.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "p1", title = "P1 Smart Meter", syntax = "p1:source",
             consumerOnly = true, category = { Category.IOT }, headersClass = P1Constants.class)
public class P1Endpoint extends DefaultEndpoint {

    @UriPath(description = "Where telegrams come from: serial:PORT, tcp:HOST:PORT or file:PATH")
    @Metadata(required = true)
    private String source;

    public P1Endpoint(String uri, P1Component component) {
        super(uri, component);
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("The p1 component only reads telegrams: use it in from()");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }
}
